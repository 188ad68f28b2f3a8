package org.civic311.connectors;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a department did to a work item.
 *
 * @param ref      the work item, as {@link DepartmentConnector#push} returned it
 * @param updateId unique within the system for this update; seeing the same id twice means the same update
 * @param status   what happened
 * @param note     the department's words; may be empty, never null. For {@link WorkStatus#COMPLETED} and
 *                 {@link WorkStatus#CANCELLED} it is the resolution written for the resident, which Civic311
 *                 publishes after redaction; any other note (comments, internal remarks) stays with staff
 * @param at       when the department recorded it
 */
public record WorkUpdate(ExternalRef ref, String updateId, WorkStatus status, String note, Instant at) {

    public WorkUpdate {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(updateId, "updateId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        note = note == null ? "" : note.strip();
    }
}
