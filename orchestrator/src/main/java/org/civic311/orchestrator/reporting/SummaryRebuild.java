package org.civic311.orchestrator.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.civic311.orchestrator.escalation.OverdueNote;
import org.civic311.orchestrator.request.RequestNote;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the summary rows of whole days received (table report_day): reads that day's requests, their reopenings,
 * escalations and follow-up answers, and replaces the day's rows. A day of a large city is a few thousand requests,
 * read through the index on requested_at, so a rebuild takes milliseconds. Plain JDBC, so that the generator of test
 * data can use it without the application.
 */
public class SummaryRebuild {

    static final String UNROUTED = "";
    private static final String INSERT = "INSERT INTO report_day (received_on, service_code, department, channel, area,"
            + " received, duplicates, closed, closed_with_target, closed_on_time, escalated, ever_closed, reopened,"
            + " answered, answered_yes, rated, rating_sum, " + CloseTimeBuckets.columns() + ") VALUES ("
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" + ", ?".repeat(CloseTimeBuckets.COUNT) + ")";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ZoneId zone;
    private final Set<String> knownDimensions = new HashSet<>();

    /** The rollups' sums, each the sum of report_day's: "received, ..., h19" and "SUM(received) AS received, ...". */
    private static final String SUM_COLUMNS = java.util.Arrays.stream(Measures.Sum.values()).map(Measures.Sum::column)
            .collect(java.util.stream.Collectors.joining(", ")) + ", " + CloseTimeBuckets.columns();

    public SummaryRebuild(JdbcTemplate jdbc, TransactionTemplate transactions, ZoneId zone) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.zone = zone;
    }

    /** The day (in the city's zone) a request received at {@code at} is counted under. */
    public LocalDate dayOf(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** Rebuilds every day from the first request received to today. @return the number of days rebuilt */
    public int rebuildAll(LocalDate today) {
        LocalDateTime first = jdbc.queryForObject("SELECT MIN(requested_at) FROM service_request", LocalDateTime.class);
        if (first == null) {
            return 0;
        }
        int days = 0;
        for (LocalDate day = dayOf(first.toInstant(ZoneOffset.UTC)); !day.isAfter(today); day = day.plusDays(1)) {
            rebuild(day);
            days++;
            if (day.equals(today) || day.getMonth() != day.plusDays(1).getMonth()) {
                rebuildMonth(day);
            }
        }
        return days;
    }

    /** Rebuilds these days, then the months they lie in. */
    public void rebuild(java.util.SortedSet<LocalDate> days) {
        days.forEach(this::rebuild);
        days.stream().map(day -> day.withDayOfMonth(1)).distinct().forEach(this::rebuildMonth);
    }

    /**
     * Rebuilds the rows of the month of {@code day} in report_month from report_day (a month of a large city is
     * some 45,000 daily rows, read through report_day's primary key).
     */
    void rebuildMonth(LocalDate day) {
        LocalDate month = day.withDayOfMonth(1);
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM report_month WHERE month_start = ?", month);
            jdbc.update("INSERT INTO report_month (month_start, service_code, department, channel, area, "
                    + SUM_COLUMNS + ") SELECT CAST(? AS DATE), service_code, department, channel, area, "
                    + Measures.summarySums()
                    + " FROM report_day WHERE received_on >= ? AND received_on < ?"
                    + " GROUP BY service_code, department, channel, area", month, month, month.plusMonths(1));
        });
    }

    /** Rebuilds one day's rows of report_day, and of report_day_type from them; not the month's. */
    public void rebuild(LocalDate day) {
        LocalDateTime from = utc(day.atStartOfDay(zone).toInstant());
        LocalDateTime to = utc(day.plusDays(1).atStartOfDay(zone).toInstant());
        Set<Long> reopened = ids("""
                SELECT DISTINCT n.request_id FROM request_note n JOIN service_request r ON r.id = n.request_id
                WHERE r.requested_at >= ? AND r.requested_at < ? AND n.note_type = ?""", from, to, RequestNote.REOPENED);
        Set<Long> escalated = ids("""
                SELECT DISTINCT s.request_id FROM staff_note s JOIN service_request r ON r.id = s.request_id
                WHERE r.requested_at >= ? AND r.requested_at < ? AND s.author = ? AND s.body LIKE ?""",
                from, to, OverdueNote.AUTHOR, OverdueNote.FIRST_LEVEL + "%");
        Map<Long, List<int[]>> answers = new HashMap<>();
        jdbc.query("""
                SELECT f.request_id, f.answer, f.rating FROM follow_up f JOIN service_request r ON r.id = f.request_id
                WHERE r.requested_at >= ? AND r.requested_at < ? AND f.answer IS NOT NULL""", (ResultSet rs) -> {
            int rating = rs.getInt("rating");
            boolean rated = !rs.wasNull();
            answers.computeIfAbsent(rs.getLong("request_id"), id -> new ArrayList<>())
                    .add(new int[] {"YES".equals(rs.getString("answer")) ? 1 : 0, rated ? 1 : 0, rated ? rating : 0});
        }, from, to);

        Map<List<String>, Row> rows = new TreeMap<>(SummaryRebuild::compareKeys);
        jdbc.query("""
                SELECT id, service_code, department, channel, area, zipcode, status, requested_at, expected_at,
                    closed_at, duplicate_of
                FROM service_request WHERE requested_at >= ? AND requested_at < ?""", (ResultSet rs) -> {
            long id = rs.getLong("id");
            Row row = rows.computeIfAbsent(List.of(rs.getString("service_code"), orEmpty(rs.getString("department")),
                    rs.getString("channel"), areaOf(rs.getString("area"), rs.getString("zipcode"))), k -> new Row());
            row.add(rs, reopened.contains(id), escalated.contains(id), answers.getOrDefault(id, List.of()));
        }, from, to);

        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM report_day WHERE received_on = ?", day);
            List<Object[]> batch = new ArrayList<>();
            rows.forEach((key, row) -> batch.add(row.values(day, key)));
            jdbc.batchUpdate(INSERT, batch);
            jdbc.update("DELETE FROM report_day_type WHERE received_on = ?", day);
            jdbc.update("INSERT INTO report_day_type (received_on, service_code, department, " + SUM_COLUMNS
                    + ") SELECT received_on, service_code, department, " + Measures.summarySums()
                    + " FROM report_day WHERE received_on = ? GROUP BY received_on, service_code, department", day);
        });
        rows.keySet().forEach(this::remember);
    }

    /** The area a request is counted under: its service area, else its ZIP code. */
    static String areaOf(String area, String zipcode) {
        if (area != null && !area.isBlank()) {
            return area;
        }
        return zipcode == null || zipcode.isBlank() ? "" : "ZIP " + zipcode.strip();
    }

    private void remember(List<String> key) {
        String[] kinds = {"service_code", "department", "channel", "area"};
        for (int i = 0; i < kinds.length; i++) {
            String value = key.get(i);
            if (value.isEmpty() || !knownDimensions.add(kinds[i] + "\n" + value)) {
                continue;
            }
            Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM report_dimension WHERE kind = ? AND dim_value = ?",
                    Integer.class, kinds[i], value);
            if (present == null || present == 0) {
                try {
                    jdbc.update("INSERT INTO report_dimension (kind, dim_value) VALUES (?, ?)", kinds[i], value);
                } catch (DuplicateKeyException another) {
                    // Another node added it meanwhile.
                }
            }
        }
    }

    private Set<Long> ids(String sql, Object... args) {
        return new HashSet<>(jdbc.queryForList(sql, Long.class, args));
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static String orEmpty(String value) {
        return value == null ? UNROUTED : value;
    }

    /** A time as the DATETIME columns hold it (UTC wall clock, see request.UtcColumns). */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** The sums of one summary row. */
    private static final class Row {
        int received, duplicates, closed, closedWithTarget, closedOnTime, escalated, everClosed, reopened;
        int answered, answeredYes, rated, ratingSum;
        final int[] hist = new int[CloseTimeBuckets.COUNT];

        void add(ResultSet rs, boolean wasReopened, boolean wasEscalated, List<int[]> followUps) throws SQLException {
            received++;
            rs.getLong("duplicate_of");
            if (!rs.wasNull()) {
                duplicates++;
            }
            Instant requested = instant(rs, "requested_at");
            Instant expected = instant(rs, "expected_at");
            Instant closedAt = instant(rs, "closed_at");
            boolean isClosed = "CLOSED".equals(rs.getString("status")) && closedAt != null;
            if (isClosed) {
                closed++;
                hist[CloseTimeBuckets.of(Duration.between(requested, closedAt))]++;
                if (expected != null) {
                    closedWithTarget++;
                    if (!closedAt.isAfter(expected)) {
                        closedOnTime++;
                    }
                }
            }
            if (isClosed || wasReopened) {
                everClosed++;
            }
            if (wasReopened) {
                reopened++;
            }
            if (wasEscalated) {
                escalated++;
            }
            for (int[] answer : followUps) {
                answered++;
                answeredYes += answer[0];
                rated += answer[1];
                ratingSum += answer[2];
            }
        }

        Object[] values(LocalDate day, List<String> key) {
            Object[] values = new Object[17 + hist.length];
            Object[] head = {day, key.get(0), key.get(1), key.get(2), key.get(3), received, duplicates,
                    closed, closedWithTarget, closedOnTime, escalated, everClosed, reopened, answered, answeredYes,
                    rated, ratingSum};
            System.arraycopy(head, 0, values, 0, head.length);
            for (int b = 0; b < hist.length; b++) {
                values[17 + b] = hist[b];
            }
            return values;
        }
    }
}
