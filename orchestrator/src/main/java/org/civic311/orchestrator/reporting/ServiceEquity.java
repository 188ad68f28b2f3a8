package org.civic311.orchestrator.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.civic311.orchestrator.reporting.Measures.Sum;

/**
 * Whether some areas wait longer than the rest of the city for the same kind of request. For each request type and
 * area with at least {@link #MIN_CLOSED} closed requests, an area is flagged when
 * <ul>
 * <li>its median time to close is more than {@link #SLOWER_RATIO} times the city's median for the type, or</li>
 * <li>its on-time share is lower than that of the rest of the city and a two-proportion z-test says the difference
 * is not chance: |z| &gt; {@link #Z_CRITICAL} (two-sided p &lt; 0.01), with at least {@link #MIN_CLOSED} closed
 * requests with an expected time on each side.</li>
 * </ul>
 * Comparing within one type keeps a mix of slow and fast types from making an area look slow; the minimum count keeps
 * a handful of requests from raising an alarm; p &lt; 0.01 rather than 0.05 because a city compares dozens of areas
 * and types at once (docs/reporting.md).
 */
final class ServiceEquity {

    static final int MIN_CLOSED = 20;
    static final double SLOWER_RATIO = 1.5;
    static final double Z_CRITICAL = 2.576;

    private ServiceEquity() {
    }

    record Row(String serviceCode, String area, Measures inArea, Measures city, Double ratio, Double z,
               List<String> flags) {

        boolean flagged() {
            return !flags.isEmpty();
        }
    }

    static List<Row> compare(Map<List<String>, Measures> byTypeAndArea, Map<String, Measures> byType) {
        List<Row> rows = new ArrayList<>();
        byTypeAndArea.forEach((key, area) -> {
            Measures city = byType.get(key.get(0));
            if (city == null || area.get(Sum.CLOSED) == 0) {
                return;
            }
            Double ratio = area.medianDaysToClose() != null && city.medianDaysToClose() != null
                    && city.medianDaysToClose() > 0 ? area.medianDaysToClose() / city.medianDaysToClose() : null;
            long restTarget = city.get(Sum.CLOSED_WITH_TARGET) - area.get(Sum.CLOSED_WITH_TARGET);
            long restOnTime = city.get(Sum.CLOSED_ON_TIME) - area.get(Sum.CLOSED_ON_TIME);
            Double z = zScore(area.get(Sum.CLOSED_ON_TIME), area.get(Sum.CLOSED_WITH_TARGET), restOnTime, restTarget);
            List<String> flags = new ArrayList<>();
            if (area.get(Sum.CLOSED) >= MIN_CLOSED && ratio != null && ratio > SLOWER_RATIO) {
                flags.add("slower");
            }
            if (area.get(Sum.CLOSED_WITH_TARGET) >= MIN_CLOSED && restTarget >= MIN_CLOSED && z != null && z < -Z_CRITICAL) {
                flags.add("less often on time");
            }
            rows.add(new Row(key.get(0), key.get(1), area, city, ratio, z, List.copyOf(flags)));
        });
        return rows;
    }

    /** Two-proportion z-test with the pooled share; null when either side is empty or the pooled share is 0 or 1. */
    static Double zScore(long successA, long totalA, long successB, long totalB) {
        if (totalA == 0 || totalB == 0) {
            return null;
        }
        double pooled = (double) (successA + successB) / (totalA + totalB);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / totalA + 1.0 / totalB));
        if (se == 0) {
            return null;
        }
        return ((double) successA / totalA - (double) successB / totalB) / se;
    }
}
