package org.civic311.simulators.accela;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON object a client sent, read the way Accela's deserializer reads it: unknown fields are ignored,
 * but a value of the wrong shape (text where {@code {"value": ...}} belongs, an object where text
 * belongs) is a bad_request.
 */
final class JsonBody {

    private final JsonNode node;
    private final String what;

    private JsonBody(JsonNode node, String what) {
        this.node = node;
        this.what = what;
    }

    /** The request body itself, which must be an object. */
    static JsonBody of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw AccelaApiException.badRequest("The request body is required.");
        }
        if (!node.isObject()) {
            throw AccelaApiException.badRequest("The request body must be a JSON object.");
        }
        return new JsonBody(node, "");
    }

    /** An element of a list in the body, e.g. {@code addresses[0]}. */
    static JsonBody element(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw AccelaApiException.badRequest("Each element of " + what + " must be a JSON object.");
        }
        return new JsonBody(node, what + ".");
    }

    boolean has(String field) {
        return node.has(field);
    }

    JsonNode get(String field) {
        return node.get(field);
    }

    Iterator<Map.Entry<String, JsonNode>> fields() {
        return node.fields();
    }

    /** A text field; numbers and booleans are read as their text, as lenient deserializers do. */
    String text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw AccelaApiException.badRequest("Invalid value for " + what + field + ".", what + field + " must be a text value.");
        }
        return value.asText();
    }

    /** The {@code value} of a {@code {"value","text"}} field such as priority or status. */
    String value(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw AccelaApiException.badRequest("Invalid value for " + what + field + ".",
                    what + field + " must be an object such as {\"value\": \"...\"}.");
        }
        return new JsonBody(value, what + field + ".").text("value");
    }

    Instant date(String field, AgencyClock clock) {
        String text = text(field);
        return text == null || text.isBlank() ? null : clock.parse(text, what + field);
    }

    Instant rangeEnd(String field, AgencyClock clock) {
        String text = text(field);
        return text == null || text.isBlank() ? null : clock.parseRangeEnd(text, what + field);
    }
}
