package org.civic311.orchestrator.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measures of one selection of requests (all received in the chosen days): the summary's sums, and the open
 * backlog read from the open requests themselves (docs/reporting.md defines each).
 */
final class Measures {

    /** The sums a summary row keeps, named as its columns. */
    enum Sum {
        RECEIVED, DUPLICATES, CLOSED, CLOSED_WITH_TARGET, CLOSED_ON_TIME, ESCALATED, EVER_CLOSED, REOPENED,
        ANSWERED, ANSWERED_YES, RATED, RATING_SUM;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final long[] sums = new long[Sum.values().length];
    final long[] closeHours = new long[CloseTimeBuckets.COUNT];
    long open, overdue;
    /** Open requests by their age in whole days. */
    final Map<Long, Long> openByAgeDays = new TreeMap<>();

    long get(Sum sum) {
        return sums[sum.ordinal()];
    }

    Measures set(Sum sum, long value) {
        sums[sum.ordinal()] = value;
        return this;
    }

    /** "SUM(received) AS received, ..." for every sum and histogram bucket. */
    static String summarySums() {
        StringBuilder sql = new StringBuilder();
        for (Sum sum : Sum.values()) {
            sql.append("SUM(").append(sum.column()).append(") AS ").append(sum.column()).append(", ");
        }
        return sql + CloseTimeBuckets.sums();
    }

    void addSummary(ResultSet rs) throws SQLException {
        for (Sum sum : Sum.values()) {
            sums[sum.ordinal()] += rs.getLong(sum.column());
        }
        for (int b = 0; b < closeHours.length; b++) {
            closeHours[b] += rs.getLong(CloseTimeBuckets.column(b));
        }
    }

    void add(Measures other) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += other.sums[i];
        }
        for (int b = 0; b < closeHours.length; b++) {
            closeHours[b] += other.closeHours[b];
        }
        open += other.open;
        overdue += other.overdue;
        other.openByAgeDays.forEach((age, count) -> openByAgeDays.merge(age, count, Long::sum));
    }

    void addOpen(long ageDays, long count, long overdueCount) {
        open += count;
        overdue += overdueCount;
        openByAgeDays.merge(ageDays, count, Long::sum);
    }

    Double medianDaysToClose() {
        return days(CloseTimeBuckets.percentileHours(closeHours, 0.5));
    }

    Double p90DaysToClose() {
        return days(CloseTimeBuckets.percentileHours(closeHours, 0.9));
    }

    /** Share of the closed requests (with an expected time) closed by their expected time. */
    Double onTimeShare() {
        return share(get(Sum.CLOSED_ON_TIME), get(Sum.CLOSED_WITH_TARGET));
    }

    /** Share of the requests received that are open now past their expected time. */
    Double overdueShare() {
        return share(overdue, get(Sum.RECEIVED));
    }

    Double escalatedShare() {
        return share(get(Sum.ESCALATED), get(Sum.RECEIVED));
    }

    Double reopenRate() {
        return share(get(Sum.REOPENED), get(Sum.EVER_CLOSED));
    }

    Double duplicateShare() {
        return share(get(Sum.DUPLICATES), get(Sum.RECEIVED));
    }

    /** Share of the answers to "was it fixed?" that said yes. */
    Double fixedShare() {
        return share(get(Sum.ANSWERED_YES), get(Sum.ANSWERED));
    }

    Double meanRating() {
        return get(Sum.RATED) == 0 ? null : (double) get(Sum.RATING_SUM) / get(Sum.RATED);
    }

    Long medianOpenAgeDays() {
        return agePercentile(0.5);
    }

    Long p90OpenAgeDays() {
        return agePercentile(0.9);
    }

    /** Nearest rank: the age of the ⌈p·n⌉-th youngest open request. */
    private Long agePercentile(double p) {
        if (open == 0) {
            return null;
        }
        long rank = (long) Math.ceil(p * open);
        long seen = 0;
        for (Map.Entry<Long, Long> age : openByAgeDays.entrySet()) {
            seen += age.getValue();
            if (seen >= rank) {
                return age.getKey();
            }
        }
        return null;
    }

    private static Double days(Double hours) {
        return hours == null ? null : hours / 24;
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** The table columns, in the order of {@link #cells()}. */
    static List<String> headers() {
        return List.of("Received", "Open now", "Overdue now", "Overdue now (%)", "Median age of open (days)",
                "90th pct age of open (days)", "Closed", "Median days to close", "90th pct days to close",
                "On time (%)", "Escalated (%)", "Reopened (%)", "Duplicates (%)", "Fixed, say residents (%)",
                "Answers", "Mean rating (1-5)");
    }

    List<String> cells() {
        List<String> cells = new ArrayList<>();
        cells.add(String.valueOf(get(Sum.RECEIVED)));
        cells.add(String.valueOf(open));
        cells.add(String.valueOf(overdue));
        cells.add(Numbers.percent(overdueShare()));
        cells.add(medianOpenAgeDays() == null ? "" : String.valueOf(medianOpenAgeDays()));
        cells.add(p90OpenAgeDays() == null ? "" : String.valueOf(p90OpenAgeDays()));
        cells.add(String.valueOf(get(Sum.CLOSED)));
        cells.add(Numbers.decimal(medianDaysToClose()));
        cells.add(Numbers.decimal(p90DaysToClose()));
        cells.add(Numbers.percent(onTimeShare()));
        cells.add(Numbers.percent(escalatedShare()));
        cells.add(Numbers.percent(reopenRate()));
        cells.add(Numbers.percent(duplicateShare()));
        cells.add(Numbers.percent(fixedShare()));
        cells.add(String.valueOf(get(Sum.ANSWERED)));
        cells.add(Numbers.decimal(meanRating()));
        return cells;
    }
}
