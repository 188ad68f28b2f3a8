package org.civic311.simulators.accela;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A copy of a simulated record for assertions and the demo; changing the simulator does not change it.
 *
 * @param id          the record id, e.g. {@code CIVIC311-26CAP-00000-00001}
 * @param customId    the human record number, e.g. {@code SR26-000001}
 * @param type        the record type value, e.g. {@code ServiceRequest/Trees and Weeds/Tall Grass and Weeds/NA}
 * @param shortNotes  the short notes the creator gave
 * @param status      the record status, e.g. {@code Received} or {@code Closed}
 * @param statusType  its status type, e.g. {@code OPEN}, {@code CLOSED}, {@code COMPLETE}
 * @param openedDate  when it was created
 * @param closedDate  when it was closed; null while open
 * @param activeTasks the names of its active workflow tasks
 * @param customForms custom form id → field → value
 * @param comments    the comment texts, oldest first
 */
public record SimulatedRecord(String id, String customId, String type, String shortNotes, String status,
                              String statusType, Instant openedDate, Instant closedDate, List<String> activeTasks,
                              Map<String, Map<String, String>> customForms, List<String> comments) {

    public SimulatedRecord {
        activeTasks = List.copyOf(activeTasks);
        customForms = Map.copyOf(customForms);
        comments = List.copyOf(comments);
    }

    /** Whether the record has been closed or completed. */
    public boolean isClosed() {
        return closedDate != null;
    }
}
