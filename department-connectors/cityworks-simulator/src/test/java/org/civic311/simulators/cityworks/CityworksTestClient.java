package org.civic311.simulators.cityworks;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talks to the simulator exactly as a Cityworks client does: {@code data=<JSON>} as a form field (or a
 * query parameter), the token as a {@code token=} field or an {@code Authorization: cityworks} header.
 */
final class CityworksTestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient http;
    private String token;

    CityworksTestClient(int port, String basePath) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port + basePath + "/").build();
    }

    /** The envelope (or whatever came back) of one call. */
    record Reply(int httpStatus, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("Not JSON (HTTP " + httpStatus + "): " + body, e);
            }
        }

        int status() {
            return json().path("Status").asInt(-99);
        }

        JsonNode value() {
            return json().path("Value");
        }

        JsonNode error() {
            return json().path("ErrorMessages").path(0);
        }

        /** The Value of a call that must have succeeded. */
        JsonNode ok() {
            assertThat(httpStatus).as("HTTP status of %s", body).isEqualTo(200);
            assertThat(status()).as("Status of %s", body).isZero();
            return value();
        }
    }

    static Map<String, Object> data(Object... namesAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            data.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return data;
    }

    Reply authenticate(String login, String password) {
        return post("Services/General/Authentication/Authenticate", json(data("LoginName", login, "Password", password)), null, null);
    }

    /** Logs in as the demo user and keeps the token for later calls. */
    CityworksTestClient login() {
        token = authenticate("demo", "demo").ok().path("Token").asText();
        return this;
    }

    String token() {
        return token;
    }

    /** POST {@code data} with the token as a form field (pre-v23). {@code method} is e.g. {@code Ams/ServiceRequest/Create}. */
    Reply call(String method, Map<String, ?> data) {
        return post("Services/" + method, json(data), token, null);
    }

    /** POST with the token in {@code Authorization: cityworks <token>} only (v23+). */
    Reply callWithHeader(String method, Map<String, ?> data) {
        return post("Services/" + method, json(data), null, "cityworks " + token);
    }

    Reply callWithToken(String method, Map<String, ?> data, String someToken) {
        return post("Services/" + method, json(data), someToken, null);
    }

    /** POST to a path after the base exactly as given (any case), with the token field. */
    Reply callPath(String path, Map<String, ?> data) {
        return post(path, json(data), token, null);
    }

    /** POST a raw {@code data} value, e.g. broken JSON. */
    Reply callRaw(String method, String rawData) {
        return post("Services/" + method, rawData, token, null);
    }

    /** GET with {@code ?data=...&token=...}. */
    Reply get(String method, Map<String, ?> data) {
        return http.get()
                .uri(uri -> uri.path("Services/" + method).queryParam("data", "{data}").queryParam("token", "{token}")
                        .build(json(data), token))
                .exchange((request, response) -> new Reply(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private Reply post(String path, String data, String tokenField, String authorization) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("data", data);
        if (tokenField != null) {
            form.add("token", tokenField);
        }
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .body(form)
                .exchange((request, response) -> new Reply(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private static String json(Map<String, ?> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
