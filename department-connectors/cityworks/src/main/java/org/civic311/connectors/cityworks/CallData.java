package org.civic311.connectors.cityworks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code data=} object of one Create call. Fields without a value are left out rather than sent empty:
 * Cityworks would store the empty text over the problem type's or template's own default.
 */
final class CallData {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    CallData put(String field, Object value) {
        fields.put(field, Objects.requireNonNull(value, field));
        return this;
    }

    CallData putPresent(String field, Object value) {
        if (value instanceof String text) {
            if (present(text)) {
                fields.put(field, text.strip());
            }
        } else if (value != null) {
            fields.put(field, value);
        }
        return this;
    }

    Map<String, Object> fields() {
        return fields;
    }

    static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
