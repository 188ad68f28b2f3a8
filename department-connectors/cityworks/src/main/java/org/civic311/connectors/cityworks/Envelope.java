package org.civic311.connectors.cityworks;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.civic311.connectors.ConnectorException;

/**
 * The answer of one Cityworks service method: {@code {Status, Message, Value, ErrorMessages, ...}}, always with
 * HTTP 200. Status 0 is success; anything else says why in ErrorMessages.
 */
record Envelope(String service, int status, String message, JsonNode value, List<JsonNode> errors) {

    static final int OK = 0;
    static final int UNAUTHORIZED = 2;
    static final int INVALID_CREDENTIALS = 3;

    static Envelope of(String service, JsonNode body) {
        List<JsonNode> errors = new ArrayList<>();
        body.path("ErrorMessages").forEach(errors::add);
        return new Envelope(service, body.path("Status").asInt(), body.path("Message").asText(""), body.path("Value"), errors);
    }

    boolean isOk() {
        return status == OK;
    }

    /** A failure carrying that message code, e.g. 35 ErrorItemNotFound. */
    boolean failedWith(int code) {
        return !isOk() && errors.stream().anyMatch(error -> error.path("Code").asInt(-1) == code);
    }

    /** @throws ConnectorException with Cityworks' own words when the call did not succeed */
    JsonNode valueOrThrow() {
        if (!isOk()) {
            throw new ConnectorException("Cityworks refused " + service + " (Status " + status + "): " + errorText());
        }
        return value;
    }

    String errorText() {
        List<String> texts = new ArrayList<>();
        for (JsonNode error : errors) {
            String text = error.path("DisplayText").asText("");
            String name = error.path("Name").asText("");
            texts.add(text + (name.isEmpty() ? "" : " [" + name + " " + error.path("Code").asInt() + "]"));
        }
        if (texts.isEmpty()) {
            return message.isBlank() ? "no reason given" : message;
        }
        return String.join("; ", texts);
    }
}
