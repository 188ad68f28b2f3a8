package org.civic311.orchestrator.request;

import java.time.Instant;

/**
 * A request as the open-data export publishes it: its public view, plus the public facts Open311's GeoReport v2
 * has no field for.
 *
 * @param area        the service area it lies in, or null
 * @param duplicateOf the tracking number of the request it duplicates, or null
 * @param closedAt    when it was closed, or null while open
 */
public record PublishedRequest(PublicRequest request, String area, String duplicateOf, Instant closedAt) {
}
