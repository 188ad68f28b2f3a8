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

    long received, duplicates, closed, closedWithTarget, closedOnTime, escalated, everClosed, reopened;
    long answered, answeredYes, rated, ratingSum;
    final long[] closeHours = new long[CloseTimeBuckets.COUNT];
    long open, overdue;
    /** Open requests by their age in whole days. */
    final Map<Long, Long> openByAgeDays = new TreeMap<>();

    void addSummary(ResultSet rs) throws SQLException {
        received += rs.getLong("received");
        duplicates += rs.getLong("duplicates");
        closed += rs.getLong("closed");
        closedWithTarget += rs.getLong("closed_with_target");
        closedOnTime += rs.getLong("closed_on_time");
        escalated += rs.getLong("escalated");
        everClosed += rs.getLong("ever_closed");
        reopened += rs.getLong("reopened");
        answered += rs.getLong("answered");
        answeredYes += rs.getLong("answered_yes");
        rated += rs.getLong("rated");
        ratingSum += rs.getLong("rating_sum");
        for (int b = 0; b < closeHours.length; b++) {
            closeHours[b] += rs.getLong(CloseTimeBuckets.column(b));
        }
    }

    void add(Measures other) {
        received += other.received;
        duplicates += other.duplicates;
        closed += other.closed;
        closedWithTarget += other.closedWithTarget;
        closedOnTime += other.closedOnTime;
        escalated += other.escalated;
        everClosed += other.everClosed;
        reopened += other.reopened;
        answered += other.answered;
        answeredYes += other.answeredYes;
        rated += other.rated;
        ratingSum += other.ratingSum;
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
        return share(closedOnTime, closedWithTarget);
    }

    /** Share of the requests received that are open now past their expected time. */
    Double overdueShare() {
        return share(overdue, received);
    }

    Double escalatedShare() {
        return share(escalated, received);
    }

    Double reopenRate() {
        return share(reopened, everClosed);
    }

    Double duplicateShare() {
        return share(duplicates, received);
    }

    /** Share of the answers to "was it fixed?" that said yes. */
    Double fixedShare() {
        return share(answeredYes, answered);
    }

    Double meanRating() {
        return rated == 0 ? null : (double) ratingSum / rated;
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
        cells.add(String.valueOf(received));
        cells.add(String.valueOf(open));
        cells.add(String.valueOf(overdue));
        cells.add(Numbers.percent(overdueShare()));
        cells.add(medianOpenAgeDays() == null ? "" : String.valueOf(medianOpenAgeDays()));
        cells.add(p90OpenAgeDays() == null ? "" : String.valueOf(p90OpenAgeDays()));
        cells.add(String.valueOf(closed));
        cells.add(Numbers.decimal(medianDaysToClose()));
        cells.add(Numbers.decimal(p90DaysToClose()));
        cells.add(Numbers.percent(onTimeShare()));
        cells.add(Numbers.percent(escalatedShare()));
        cells.add(Numbers.percent(reopenRate()));
        cells.add(Numbers.percent(duplicateShare()));
        cells.add(Numbers.percent(fixedShare()));
        cells.add(String.valueOf(answered));
        cells.add(Numbers.decimal(meanRating()));
        return cells;
    }
}
