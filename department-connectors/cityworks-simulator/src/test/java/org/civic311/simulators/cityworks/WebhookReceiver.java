package org.civic311.simulators.cityworks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** Stands in for the orchestrator's webhook endpoint: a JDK HTTP server that records what it receives. */
final class WebhookReceiver {

    /** One POST as received. */
    record Delivery(String headerValue, JsonNode packet) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String headerName;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile int answer = 200;

    private WebhookReceiver(String headerName) throws IOException {
        this.headerName = headerName;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cityworks-events", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst(headerName), parse(body)));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    static WebhookReceiver start(String headerName) {
        try {
            return new WebhookReceiver(headerName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cityworks-events";
    }

    /** Deliveries whose packet has that field with that value, e.g. ("RequestId", 10001). */
    List<Delivery> deliveriesWith(String field, Object value) {
        return deliveries.stream().filter(d -> d.packet().path(field).asText().equals(String.valueOf(value))).toList();
    }

    void answerWith(int status) {
        this.answer = status;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The webhook packet is not JSON", e);
        }
    }
}
