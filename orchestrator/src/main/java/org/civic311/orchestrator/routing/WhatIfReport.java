package org.civic311.orchestrator.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What proposed rules would change, had they been in force for the requests of a period: each request whose
 * department, system, priority or due date differs, and how many of each change (e.g. "department streets→urban-forestry").
 */
public record WhatIfReport(Instant from, Instant to, int replayed, int changed, Map<String, Integer> counts,
                           List<Change> changes) {

    /** One request that proposed rules would treat differently. */
    public record Change(String trackingNumber, String serviceCode, RoutingOutcome now, RoutingOutcome proposed) {
    }
}
