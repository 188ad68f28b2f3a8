package org.civic311.connectors.accela;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * A clerk at the agency working in Accela through the API with their own login, independent of the connector:
 * voids records, comments, creates records of their own, and reads records back as Accela stores them.
 */
final class AccelaClerk {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient http;
    private final String token;

    AccelaClerk(int port) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port + "/sim/accela").build();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "password");
        form.add("client_id", "demo");
        form.add("client_secret", "demo");
        form.add("username", "demo");
        form.add("password", "demo");
        form.add("scope", "records");
        form.add("agency_name", "CIVIC311");
        form.add("environment", "TEST");
        this.token = read(http.post().uri("/oauth2/token").header("x-accela-appid", "demo")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(String.class))
                .get("access_token").asText();
    }

    /** The record as Accela stores it, with its addresses, contacts and custom forms. */
    JsonNode record(String recordId) {
        return call(http.get().uri("/v4/records/{id}?expand=addresses,contacts,customForms", recordId))
                .path("result").path(0);
    }

    /** Sets the record's status by hand, as a clerk voiding a duplicate does. */
    void setStatus(String recordId, String status) {
        call(http.put().uri("/v4/records/{id}", recordId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", Map.of("value", status))));
    }

    /** Overwrites the record's short notes, as clerks do with what they see as a free-text field. */
    void setShortNotes(String recordId, String shortNotes) {
        call(http.put().uri("/v4/records/{id}", recordId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("shortNotes", shortNotes)));
    }

    void comment(String recordId, String text) {
        call(http.post().uri("/v4/records/{id}/comments", recordId).contentType(MediaType.APPLICATION_JSON)
                .body(List.of(Map.of("text", text))));
    }

    /** A record the clerk creates with short notes of their own. */
    String createWithShortNotes(String recordType, String shortNotes) {
        return call(http.post().uri("/v4/records").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("type", Map.of("value", recordType), "description", "Follow-up", "shortNotes", shortNotes)))
                .path("result").path("id").asText();
    }

    /** A record the clerk creates at the counter: no Civic311 tag. */
    String createWalkIn(String recordType) {
        return call(http.post().uri("/v4/records").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("type", Map.of("value", recordType), "description", "Walk-in complaint")))
                .path("result").path("id").asText();
    }

    private JsonNode call(RestClient.RequestHeadersSpec<?> request) {
        byte[] body = request.header("Authorization", token)
                .header("x-accela-appid", "demo")
                .header("x-accela-agency", "CIVIC311")
                .header("x-accela-environment", "TEST")
                .retrieve()
                .body(byte[].class);
        return read(new String(body, StandardCharsets.UTF_8));
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }
}
