package org.civic311.orchestrator.request;

/** A request was found to report the same problem as an earlier one, and follows it now. */
public record DuplicateLinked(long requestId, long parentId) {
}
