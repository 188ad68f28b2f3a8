package org.civic311.benchmark;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles of a sample of durations in milliseconds (nearest rank). */
record Percentiles(double p50, double p95, double p99, int count) {

    static Percentiles of(Collection<? extends Number> millis) {
        double[] sorted = millis.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Percentiles(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new Percentiles(rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted.length);
    }

    private static double rank(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    @Override
    public String toString() {
        return Arrays.toString(new double[] {p50, p95, p99});
    }
}
