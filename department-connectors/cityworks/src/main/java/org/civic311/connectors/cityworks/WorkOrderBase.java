package org.civic311.connectors.cityworks;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of a Cityworks WorkOrderBase this connector reads. WorkOrderId is the string people see;
 * WorkOrderSid the number comments are filed under.
 *
 * @param reference the Text field holding the caller's own reference (see {@code work-order-task-field})
 */
record WorkOrderBase(String workOrderId, long workOrderSid, String status, boolean closed, Instant dateWOClosed,
                     boolean canceled, Instant dateCancelled, String cancelReason, String resolution, String reference) {

    static WorkOrderBase of(JsonNode node, CityworksDates dates, String referenceField) {
        return new WorkOrderBase(
                RequestBase.text(node, "WorkOrderId"),
                node.path("WorkOrderSid").asLong(),
                RequestBase.text(node, "Status"),
                node.path("IsClosed").asBoolean(false),
                dates.parse("DateWOClosed", RequestBase.text(node, "DateWOClosed")),
                node.path("Cancel").asBoolean(false),
                dates.parse("DateCancelled", RequestBase.text(node, "DateCancelled")),
                RequestBase.text(node, "CancelReason"),
                RequestBase.text(node, "Resolution"),
                RequestBase.text(node, referenceField));
    }
}
