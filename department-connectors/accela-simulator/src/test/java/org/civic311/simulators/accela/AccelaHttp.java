package org.civic311.simulators.accela;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * A test's Accela client: logs in with the demo credentials and sends API calls with the four headers an
 * integration sends. Never throws on an error status; every call answers a {@link Reply} to assert on.
 */
final class AccelaHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An HTTP answer: status, headers and body. */
    record Reply(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("Not JSON (HTTP " + status + "): " + body, e);
            }
        }

        /** The text at a JSON pointer, e.g. {@code /result/0/id}; null when absent. */
        String at(String pointer) {
            JsonNode node = json().at(pointer);
            return node.isMissingNode() || node.isNull() ? null : node.asText();
        }
    }

    private final RestClient http;
    String accessToken;
    String refreshToken;

    AccelaHttp(int port) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port + "/sim/accela").build();
    }

    static MultiValueMap<String, String> passwordForm() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "password");
        form.add("client_id", "demo");
        form.add("client_secret", "demo");
        form.add("username", "demo");
        form.add("password", "demo");
        form.add("scope", "records");
        form.add("agency_name", "CIVIC311");
        form.add("environment", "TEST");
        return form;
    }

    static MultiValueMap<String, String> refreshForm(String refreshToken) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "refresh_token");
        form.add("client_id", "demo");
        form.add("client_secret", "demo");
        form.add("refresh_token", refreshToken);
        return form;
    }

    /** Logs in with the password grant and keeps the tokens. */
    AccelaHttp login() {
        Reply reply = token(passwordForm());
        if (reply.status() != 200) {
            throw new AssertionError("Login failed: " + reply);
        }
        accessToken = reply.at("/access_token");
        refreshToken = reply.at("/refresh_token");
        return this;
    }

    Reply token(MultiValueMap<String, String> form) {
        return token(form, headers -> headers.set("x-accela-appid", form.getFirst("client_id")));
    }

    Reply token(MultiValueMap<String, String> form, Consumer<HttpHeaders> headers) {
        return http.post().uri("/oauth2/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .headers(headers)
                .body(form)
                .exchange((request, response) -> read(response.getStatusCode().value(), response.getHeaders(), response.getBody()));
    }

    Reply get(String path) {
        return send(HttpMethod.GET, path, null, headers -> { });
    }

    Reply post(String path, Object body) {
        return send(HttpMethod.POST, path, body, headers -> { });
    }

    Reply put(String path, Object body) {
        return send(HttpMethod.PUT, path, body, headers -> { });
    }

    /** Sends with the usual headers, then lets the test change them. */
    Reply send(HttpMethod method, String path, Object body, Consumer<HttpHeaders> changeHeaders) {
        RestClient.RequestBodySpec request = http.method(method).uri(path).headers(headers -> {
            if (accessToken != null) {
                headers.set("Authorization", accessToken);
            }
            headers.set("x-accela-appid", "demo");
            headers.set("x-accela-agency", "CIVIC311");
            headers.set("x-accela-environment", "TEST");
            headers.setAccept(List.of(MediaType.APPLICATION_JSON));
            changeHeaders.accept(headers);
        });
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body instanceof String text ? text : toJson(body));
        }
        return request.exchange((req, response) -> read(response.getStatusCode().value(), response.getHeaders(), response.getBody()));
    }

    /** Creates a record of the default type and answers its id. */
    String createRecord(String shortNotes) {
        Reply reply = post("/v4/records", Map.of(
                "type", Map.of("value", "ServiceRequest/Trees and Weeds/Tall Grass and Weeds/NA"),
                "description", "Grass over a foot tall",
                "shortNotes", shortNotes));
        if (reply.status() != 200) {
            throw new AssertionError("Create failed: " + reply);
        }
        return reply.at("/result/id");
    }

    private static Reply read(int status, HttpHeaders headers, InputStream body) {
        try {
            HttpHeaders copy = new HttpHeaders();
            copy.putAll(headers);
            return new Reply(status, copy, new String(body.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
