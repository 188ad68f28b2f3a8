package org.civic311.connectors;

import java.time.Instant;
import java.util.List;

/**
 * What one poll of a department system found.
 *
 * @param updates    what the departments did, each to be applied once
 * @param unreadable what the system holds but the connector could not read; Civic311 keeps each one for staff
 *                   instead of passing over it
 * @param readUpTo   null when everything the system held for the window was read; otherwise the connector stopped
 *                   early (it reads a bounded amount per poll) and the next poll must start here: everything
 *                   before it was read
 */
public record PulledUpdates(List<WorkUpdate> updates, List<UnreadableUpdate> unreadable, Instant readUpTo) {

    public PulledUpdates {
        updates = List.copyOf(updates);
        unreadable = List.copyOf(unreadable);
    }

    /** Everything the system held for the window, all of it readable. */
    public static PulledUpdates all(List<WorkUpdate> updates) {
        return new PulledUpdates(updates, List.of(), null);
    }
}
