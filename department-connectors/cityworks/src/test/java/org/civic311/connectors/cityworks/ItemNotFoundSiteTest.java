package org.civic311.connectors.cityworks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.civic311.connectors.ExternalRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * cw-sdk documents a ByOtherSystemId miss as a success with no value (the simulator answers so); a site may
 * instead fail it with 35 ErrorItemNotFound, as ById does. Either way the push creates the request. This site
 * answers only the three calls a first push makes, with fixed envelopes.
 */
class ItemNotFoundSiteTest {

    private static final String MISS = """
            {"Status":1,"Message":null,"Value":null,"ErrorMessages":[{"Code":35,"Name":"ErrorItemNotFound",\
            "DisplayText":"Service request was not found.","MessageType":2}],"WarningMessages":[]}""";

    private HttpServer site;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/cityworks/Services/", this::answer);
        site.start();
    }

    @AfterEach
    void stop() {
        site.stop(0);
    }

    @Test
    void aMissAnsweredWithItemNotFoundStillLeadsToTheCreate() {
        CityworksConnector connector = new CityworksConnector(TestSite.properties(0,
                "base-url", "http://" + site.getAddress().getHostString() + ":" + site.getAddress().getPort() + "/cityworks"));

        ExternalRef ref = connector.push(TestSite.damagedTree("600001", TestSite.URBAN_FORESTRY));

        assertThat(ref.id()).isEqualTo("SR:4711");
        assertThat(calls).containsExactly("General/Authentication/Authenticate", "Ams/ServiceRequest/ByOtherSystemId",
                "Ams/ServiceRequest/Create");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String service = exchange.getRequestURI().getPath().substring("/cityworks/Services/".length());
        calls.add(service);
        String body = switch (service) {
            case "General/Authentication/Authenticate" -> ok("{\"Token\":\"t-1\"}");
            case "Ams/ServiceRequest/ByOtherSystemId" -> MISS;
            case "Ams/ServiceRequest/Create" -> ok("{\"RequestId\":4711,\"OtherSystemId\":\"600001\"}");
            default -> "{\"Status\":1,\"ErrorMessages\":[{\"Code\":1,\"Name\":\"UnknownError\"}]}";
        };
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String ok(String value) {
        return "{\"Status\":0,\"Message\":null,\"Value\":" + value + ",\"ErrorMessages\":[],\"WarningMessages\":[]}";
    }
}
