package org.civic311.connectors;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a department sent that the connector could not turn into a {@link WorkUpdate}, e.g. a reply whose
 * MIME structure is broken. It may be a completion, so it is reported rather than passed over.
 *
 * @param updateId stable, as {@link WorkUpdate#updateId()}: the same item read again has the same id
 * @param ref      the work item it concerns, when that much could be read; otherwise null
 * @param reason   what went wrong, for staff; never the department's text or anyone's contact details
 * @param at       when the system received or recorded it
 */
public record UnreadableUpdate(String updateId, ExternalRef ref, String reason, Instant at) {

    public UnreadableUpdate {
        Objects.requireNonNull(updateId, "updateId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
