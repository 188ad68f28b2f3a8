package org.civic311.connectors.accela;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.civic311.connectors.WorkOrder;

/** High-weeds work orders for code enforcement, as the orchestrator sends them. */
final class WorkOrders {

    private WorkOrders() {
    }

    static String newTaskId() {
        return String.valueOf(100_000 + Math.abs(UUID.randomUUID().getMostSignificantBits() % 900_000));
    }

    static WorkOrder highWeeds(String taskId) {
        return highWeeds(taskId, AccelaSettings.HIGH_WEEDS, new WorkOrder.Caller("Jane", "Resident", "jane@example.org",
                "312-555-0100"));
    }

    /** With the record type the routing rules give for the service code: junk and debris for junk_debris. */
    static WorkOrder highWeeds(String taskId, String serviceCode, WorkOrder.Caller caller) {
        return highWeeds(taskId, serviceCode, caller,
                "junk_debris".equals(serviceCode) ? AccelaSettings.JUNK_AND_DEBRIS : AccelaSettings.TALL_GRASS);
    }

    static WorkOrder highWeeds(String taskId, String serviceCode, WorkOrder.Caller caller, String recordType) {
        return new WorkOrder(taskId, "SR-2026-" + taskId, serviceCode, "High weeds or overgrown lot",
                AccelaSettings.DEPARTMENT, "P3", recordType,
                // 03:30 UTC is the evening before in Chicago: the due date must be the agency's day.
                Instant.parse("2026-07-15T03:30:00Z"),
                "Grass knee-high on the vacant lot next door",
                new WorkOrder.Location(41.8837, -87.6324, "121 N LaSalle St", null, "60602"),
                Map.of("vacant_lot", List.of("yes")),
                caller,
                "https://photos.example.org/weeds.jpg");
    }

    static Instant aMinuteAgo() {
        return Instant.now().minus(1, ChronoUnit.MINUTES);
    }
}
