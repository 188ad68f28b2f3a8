package org.civic311.connectors;

import java.time.Instant;
import java.util.List;

/**
 * What one poll of a department system found.
 *
 * @param updates    what the departments did, each to be applied once
 * @param unreadable what the system holds but the connector could not read; Civic311 keeps each one for staff
 *                   instead of passing over it
 * @param readUpTo   where the next poll starts, on the system's own clock: everything before it was read. A connector
 *                   that reads a bounded amount per poll and stopped early must give it; one that can tell where its
 *                   system's clock stood may give it after a complete read too, so the next poll asks only for what
 *                   is new. Null: the orchestrator starts the next poll a few minutes before this one began, on its
 *                   own clock (clocks differ)
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
