package org.civic311.connectors.cityworks;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Department staff working in the simulated site through its API, for what the simulator has no Java handle
 * for (cancelling a work order, a request created by hand). Logs in as the simulator's demo user.
 */
final class CityworksStaff {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient http;
    private final String token;

    CityworksStaff(int port) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port + "/sim/cityworks/Services/").build();
        this.token = call("General/Authentication/Authenticate", Map.of("LoginName", "demo", "Password", "demo"))
                .path("Token").asText();
    }

    void cancelWorkOrder(String workOrderId, String reason) {
        call("Ams/WorkOrder/Cancel", Map.of("WorkOrderIds", new String[] {workOrderId}, "CancelReason", reason));
    }

    /** A work order another system (or a clerk) made from a template with that text in Text1. */
    String createWorkOrderWithText1(String text1, String template) {
        return call("Ams/WorkOrder/Create", Map.of("WOTemplateId", template, "EntityType", "STREET", "Text1", text1))
                .path(0).path("WorkOrderId").asText();
    }

    /** A request another system filed with an OtherSystemId of its own choosing. */
    long createRequestFor(String otherSystemId, long problemSid) {
        return call("Ams/ServiceRequest/Create", Map.of("ProblemSid", problemSid, "OtherSystemId", otherSystemId))
                .path("RequestId").asLong();
    }

    /** A request typed in by a clerk, with no OtherSystemId: not Civic311's. */
    long createRequestByHand(long problemSid) {
        return call("Ams/ServiceRequest/Create", Map.of("ProblemSid", problemSid, "Details", "Phoned in")).path("RequestId").asLong();
    }

    void closeRequest(long requestId) {
        call("Ams/ServiceRequest/Close", Map.of("RequestIds", new long[] {requestId}));
    }

    private JsonNode call(String service, Map<String, ?> data) {
        try {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("data", JSON.writeValueAsString(data));
            if (token != null) {
                form.add("token", token);
            }
            // The header too: a version 23 site reads only that.
            JsonNode envelope = JSON.readTree(http.post().uri(service).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .headers(headers -> {
                        if (token != null) {
                            headers.set(HttpHeaders.AUTHORIZATION, "cityworks " + token);
                        }
                    })
                    .body(form).retrieve().body(String.class));
            if (envelope.path("Status").asInt() != 0) {
                throw new AssertionError(service + " failed: " + envelope);
            }
            return envelope.path("Value");
        } catch (java.io.IOException e) {
            throw new AssertionError(service + " failed", e);
        }
    }
}
