package org.civic311.orchestrator.request;

import java.time.Instant;
import java.time.ZoneOffset;

/** {@code SR-2026-000123}: the year it was filed and a number unique across the whole database. */
final class TrackingNumber {

    private TrackingNumber() {
    }

    static String of(long id, Instant requestedAt) {
        return "SR-%d-%06d".formatted(requestedAt.atZone(ZoneOffset.UTC).getYear(), id);
    }
}
