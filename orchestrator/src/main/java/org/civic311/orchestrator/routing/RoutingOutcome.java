package org.civic311.orchestrator.routing;

import java.time.Instant;

/** Where a request goes under a set of rules, how urgently, and by when it is due. */
public record RoutingOutcome(String department, String system, String priority, Instant dueAt) {
}
