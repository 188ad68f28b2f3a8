package org.civic311.connectors.cityworks;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** The fields of a Cityworks RequestBase (a service request) this connector reads. Dates are null when unset. */
record RequestBase(long requestId, String status, boolean closed, Instant dateTimeClosed, boolean canceled,
                   Instant dateCancelled, String cancelReason, String resolution, String otherSystemId) {

    static RequestBase of(JsonNode node, CityworksDates dates) {
        return new RequestBase(
                node.path("RequestId").asLong(),
                text(node, "Status"),
                node.path("IsClosed").asBoolean(false),
                dates.parse("DateTimeClosed", text(node, "DateTimeClosed")),
                node.path("Cancel").asBoolean(false),
                dates.parse("DateCancelled", text(node, "DateCancelled")),
                text(node, "CancelReason"),
                text(node, "Resolution"),
                text(node, "OtherSystemId"));
    }

    /** The field's text; null when absent or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
