package org.civic311.orchestrator.request;

import java.time.Instant;
import java.util.List;

/**
 * Which requests the open-data export publishes: requested within [{@code requestedFrom}, {@code requestedTo})
 * (either end open when null), of any of {@code serviceCodes} (all when empty).
 */
public record PublishedRequestQuery(Instant requestedFrom, Instant requestedTo, List<String> serviceCodes) {

    public PublishedRequestQuery {
        serviceCodes = serviceCodes == null ? List.of() : List.copyOf(serviceCodes);
    }
}
