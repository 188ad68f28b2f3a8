package org.civic311.orchestrator.reporting;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The histogram of times to close kept in each summary row (columns h00 to h19), so that the median and the 90th
 * percentile of any selection are summed from the summary instead of sorted from the requests. The buckets are narrow
 * where most requests close (hours, then days) and wide in the long tail.
 */
final class CloseTimeBuckets {

    /** Upper bounds in hours, exclusive; the last bucket (90 days or more) has none. */
    static final int[] UPPER_HOURS = {1, 2, 4, 8, 12, 24, 36, 48, 72, 96, 120, 168, 240, 336, 504, 720, 1080, 1440, 2160};
    static final int COUNT = UPPER_HOURS.length + 1;

    private CloseTimeBuckets() {
    }

    static String column(int bucket) {
        return String.format("h%02d", bucket);
    }

    /** "h00, h01, ..., h19" */
    static String columns() {
        return IntStream.range(0, COUNT).mapToObj(CloseTimeBuckets::column).collect(Collectors.joining(", "));
    }

    /** "SUM(h00) AS h00, ..." */
    static String sums() {
        return IntStream.range(0, COUNT).mapToObj(b -> "SUM(" + column(b) + ") AS " + column(b))
                .collect(Collectors.joining(", "));
    }

    static int of(Duration timeToClose) {
        double hours = Math.max(0, timeToClose.toSeconds()) / 3600.0;
        for (int b = 0; b < UPPER_HOURS.length; b++) {
            if (hours < UPPER_HOURS[b]) {
                return b;
            }
        }
        return COUNT - 1;
    }

    static int lowerHours(int bucket) {
        return bucket == 0 ? 0 : UPPER_HOURS[bucket - 1];
    }

    /**
     * The {@code p}-th percentile (0 &lt; p &lt; 1) in hours, interpolated linearly within its bucket as for grouped
     * data: with n closed requests, the value below which p·n of them lie. Within the open last bucket the answer is
     * its lower bound (90 days). Null without closed requests.
     */
    static Double percentileHours(long[] counts, double p) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return null;
        }
        double rank = p * total;
        long below = 0;
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] > 0 && below + counts[b] >= rank) {
                if (b == COUNT - 1) {
                    return (double) lowerHours(b);
                }
                double width = UPPER_HOURS[b] - lowerHours(b);
                return lowerHours(b) + width * (rank - below) / counts[b];
            }
            below += counts[b];
        }
        return (double) lowerHours(COUNT - 1);
    }
}
