package org.civic311.orchestrator.reporting;

import java.util.Locale;

/** How the dashboard and its CSV write numbers: one decimal, a dot, no grouping; empty when there is nothing to show. */
final class Numbers {

    private Numbers() {
    }

    static String decimal(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    static String percent(Double share) {
        return share == null ? "" : String.format(Locale.ROOT, "%.1f", share * 100);
    }
}
