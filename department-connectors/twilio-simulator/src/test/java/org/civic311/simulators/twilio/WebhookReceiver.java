package org.civic311.simulators.twilio;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** Stands in for Civic311's Twilio webhooks: a JDK HTTP server that records each form POST and its signature. */
final class WebhookReceiver implements AutoCloseable {

    record Call(String path, String signature, Map<String, String> params) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : form.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            calls.add(new Call(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-Twilio-Signature"), params));
            byte[] twiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, twiml.length);
            exchange.getResponseBody().write(twiml);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    void clear() {
        calls.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
