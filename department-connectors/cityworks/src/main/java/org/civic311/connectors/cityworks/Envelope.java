package org.civic311.connectors.cityworks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.ConnectorRefusal;

/**
 * The answer of one Cityworks service method: {@code {Status, Message, Value, ErrorMessages, WarningMessages...}}.
 * Status 0 is success; anything else says why in ErrorMessages.
 */
record Envelope(String service, int status, String message, JsonNode value, List<JsonNode> errors,
                List<JsonNode> warnings) {

    static final int OK = 0;
    static final int UNAUTHORIZED = 2;
    static final int INVALID_CREDENTIALS = 3;

    /**
     * The message codes of cw-sdk 15.8.3 that are about the call itself (its data, a missing or invalid field, an
     * item in a state that forbids it, the login's rights): the same call fails the same way every time. A missing
     * right stays missing until an administrator grants it, so it is a refusal like Accela's 403; a bad or expired
     * token (Status 2, HTTP 401) is not a message code and is cured by logging in again. The others (1 UnknownError,
     * 14 and 16 search failures, anything undocumented) may pass on a retry.
     */
    private static final Set<Integer> REFUSALS = Set.of(
            2,                     // InvalidRequestId / InvalidWorkOrderId
            3,                     // NotAuthorizedToView...
            4,                     // NotAuthorizedToUpdate...
            5,                     // NotAuthorizedToCreate...
            6,                     // NotAuthorizedToCancel...
            7,                     // NotAuthorizedToDelete...
            8,                     // NotAuthorizedToClose...
            9,                     // InvalidActivityMapLogicXY
            12, 13, 15, 17,        // ...IsRequired
            18, 19, 20, 21, 22, 23, // entity type, dates, field validation, WorkOrderSidIsRequired
            30, 31, 32, 33, 34, 35, 36, 39, // InvalidField, status changes, required (custom) fields, not found...
            68, 90, 91, 92, 96);   // MoveInvalidCityworksWkid, Cannot combine...

    static Envelope of(String service, JsonNode body) {
        return new Envelope(service, body.path("Status").asInt(), body.path("Message").asText(""), body.path("Value"),
                list(body.path("ErrorMessages")), list(body.path("WarningMessages")));
    }

    /** An answer that refused the token without an envelope of its own (HTTP 401). */
    static Envelope unauthorized(String service, String why) {
        return new Envelope(service, UNAUTHORIZED, why, MissingNode.getInstance(), List.of(), List.of());
    }

    private static List<JsonNode> list(JsonNode messages) {
        List<JsonNode> list = new ArrayList<>();
        messages.forEach(list::add);
        return list;
    }

    boolean isOk() {
        return status == OK;
    }

    boolean isUnauthorized() {
        return status == UNAUTHORIZED;
    }

    /** A failure carrying that message code, e.g. 35 ErrorItemNotFound. */
    boolean failedWith(int code) {
        return !isOk() && errors.stream().anyMatch(error -> error.path("Code").asInt(-1) == code);
    }

    /** A success that warns with that message code, e.g. 60 WarningItemNotFound. */
    boolean warnedWith(int code) {
        return isOk() && warnings.stream().anyMatch(warning -> warning.path("Code").asInt(-1) == code);
    }

    /**
     * @throws ConnectorRefusal   with Cityworks' own words when it refused the call for a reason a retry repeats
     * @throws ConnectorException with Cityworks' own words when the call failed otherwise
     */
    JsonNode valueOrThrow() {
        if (isOk()) {
            return value;
        }
        String why = "Cityworks refused " + service + " (Status " + status + "): " + errorText();
        if (status == 1 && !errors.isEmpty()
                && errors.stream().allMatch(error -> REFUSALS.contains(error.path("Code").asInt(-1)))) {
            throw new ConnectorRefusal(why);
        }
        throw new ConnectorException(why);
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
