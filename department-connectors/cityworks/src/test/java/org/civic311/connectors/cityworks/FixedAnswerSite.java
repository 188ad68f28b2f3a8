package org.civic311.connectors.cityworks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Cityworks site that answers each service with the envelope a test scripts, for answers the simulator does not
 * give. Records each call as {@code service} and the token it carried ({@code service [token]}).
 */
final class FixedAnswerSite implements AutoCloseable {

    static final String UNKNOWN_ERROR = "{\"Status\":1,\"ErrorMessages\":[{\"Code\":1,\"Name\":\"UnknownError\"}]}";

    /** What {@code Ams/ServiceRequest/Problems} answers on a site with the tree problem type of the test city. */
    static final String TREE_PROBLEMS = ok("[{\"ProblemSid\":102,\"ProblemCode\":\"TREE DAMAGED\"}]");

    private final HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> tokens = new CopyOnWriteArrayList<>();

    /** @param answers service and token (null when none was sent) to the envelope answered with HTTP 200 */
    FixedAnswerSite(BiFunction<String, String, String> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cityworks/Services/", exchange -> answer(exchange, answers));
        server.start();
    }

    static String ok(String value) {
        return "{\"Status\":0,\"Message\":null,\"Value\":" + value + ",\"ErrorMessages\":[],\"WarningMessages\":[]}";
    }

    /** A failure with one error message, e.g. {@code failure(1, 35, "ErrorItemNotFound")}. */
    static String failure(int status, int code, String name) {
        return "{\"Status\":" + status + ",\"Message\":null,\"Value\":null,\"ErrorMessages\":[{\"Code\":" + code
                + ",\"Name\":\"" + name + "\",\"DisplayText\":\"" + name + "\",\"MessageType\":2}],\"WarningMessages\":[]}";
    }

    /** The test city's settings, pointed at this site. */
    CityworksConnectorProperties properties(String... overrides) {
        String[] settings = new String[overrides.length + 2];
        settings[0] = "base-url";
        settings[1] = "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/cityworks";
        System.arraycopy(overrides, 0, settings, 2, overrides.length);
        return TestSite.properties(0, settings);
    }

    /** The services called, in order. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    /** The services called, in order, each with the token it carried. */
    List<String> callsWithTokens() {
        return List.copyOf(tokens);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange, BiFunction<String, String, String> answers) throws IOException {
        String service = exchange.getRequestURI().getPath().substring("/cityworks/Services/".length());
        String token = tokenOf(exchange);
        calls.add(service);
        tokens.add(service + " [" + token + "]");
        byte[] bytes = answers.apply(service, token).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String tokenOf(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.startsWith("cityworks ")) {
            return header.substring("cityworks ".length());
        }
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String field : form.split("&")) {
            if (field.startsWith("token=")) {
                return URLDecoder.decode(field.substring("token=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
