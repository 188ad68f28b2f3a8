package org.civic311.orchestrator.notification;

import java.time.Instant;

/**
 * Published (as a Spring application event, inside the transaction that moved it) when a request's work is due on
 * another day: its resident is told the new date once per date.
 *
 * @param requestId the request's id
 * @param newDue    when the work is now due
 */
public record DueDateMoved(long requestId, Instant newDue) {
}
