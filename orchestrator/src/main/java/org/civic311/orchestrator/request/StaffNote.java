package org.civic311.orchestrator.request;

import java.time.Instant;

/** A remark on a request for the city's staff only, e.g. a department's comment; never in a public answer. */
public record StaffNote(String author, String body, Instant at) {
}
