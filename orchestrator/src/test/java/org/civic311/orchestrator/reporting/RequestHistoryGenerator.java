package org.civic311.orchestrator.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year of a large city's requests, written straight into the database with batched JDBC, then summarised: the data
 * the reporting benchmark measures on (docs/reporting.md). Thirteen request types in seven departments, 50 wards
 * (one in twelve requests outside any ward, counted by ZIP code), four channels; fewer requests at weekends; times to
 * close spread log-normally around each type's own median, slower in wards 37 to 40; late ones escalated, 3 % of
 * closures reopened, 6 % duplicates, a quarter of the residents answering "was it fixed?". The same seed gives the
 * same data. Run against a database Civic311 created (start it once against it), e.g.
 * <pre>
 * mvn -o -pl orchestrator test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.civic311.orchestrator.reporting.RequestHistoryGenerator \
 *   -Dexec.args="jdbc:mysql://127.0.0.1:3306/civic311?rewriteBatchedStatements=true root '' 1000000"
 * </pre>
 */
public final class RequestHistoryGenerator {

    /** code, department, share (‰), median hours to close, service level hours */
    private static final Object[][] TYPES = {
            {"pothole", "streets", 180, 60, 72},
            {"missed_collection", "sanitation", 140, 20, 48},
            {"bulk_pickup", "sanitation", 100, 70, 120},
            {"streetlight_out", "electric", 90, 90, 168},
            {"graffiti", "streets", 80, 40, 72},
            {"high_weeds", "code-enforcement", 70, 200, 336},
            {"abandoned_vehicle", "police", 60, 100, 168},
            {"rodent_baiting", "sanitation", 60, 80, 120},
            {"damaged_tree", "urban-forestry", 50, 300, 480},
            {"water_leak", "water", 50, 12, 24},
            {"noise_complaint", "code-enforcement", 50, 48, 72},
            {"sidewalk_repair", "streets", 40, 500, 720},
            {"traffic_signal", "transportation", 30, 6, 24}};
    private static final String[] CHANNELS = {"phone", "web", "mobile", "email"};
    private static final int[] CHANNEL_SHARES = {40, 35, 20, 5};
    private static final int WARDS = 50;
    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final Random random;
    private final Instant now;

    RequestHistoryGenerator(JdbcTemplate jdbc, long seed, Instant now) {
        this.jdbc = jdbc;
        this.random = new Random(seed);
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    public static void main(String[] args) {
        DriverManagerDataSource data = new DriverManagerDataSource(args[0], args[1], args[2]);
        JdbcTemplate jdbc = new JdbcTemplate(data);
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;
        long start = System.nanoTime();
        new RequestHistoryGenerator(jdbc, 311, Instant.now()).generate(count);
        System.out.printf(Locale.ROOT, "%,d requests written in %.0f s%n", count, (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        int days = new SummaryRebuild(jdbc, new TransactionTemplate(new DataSourceTransactionManager(data)),
                ZoneId.of("UTC")).rebuildAll(LocalDateTime.now(ZoneOffset.UTC).toLocalDate());
        System.out.printf(Locale.ROOT, "%d days summarised in %.0f s%n", days, (System.nanoTime() - start) / 1e9);
    }

    /** Writes {@code count} requests received over the last 365 days, with ids from the table's next one. */
    void generate(int count) {
        Long max = jdbc.queryForObject("SELECT MAX(id) FROM service_request", Long.class);
        long firstId = (max == null ? 0 : max) + 1;
        List<Object[]> requests = new ArrayList<>();
        List<Object[]> reopenings = new ArrayList<>();
        List<Object[]> escalations = new ArrayList<>();
        List<Object[]> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = firstId + i;
            Instant requested = receivedAt(i, count);
            Object[] type = pick();
            String code = (String) type[0];
            int ward = 1 + (int) Math.min(WARDS - 1, Math.abs(random.nextGaussian()) * WARDS / 2.2);
            boolean inWard = random.nextInt(12) != 0;
            double slower = ward >= 37 && ward <= 40 ? 1.8 : 1.0;
            double hours = (Integer) type[3] * slower * Math.exp(random.nextGaussian() * 0.9);
            boolean stuck = random.nextInt(100) == 0;
            Instant expected = requested.plus(Duration.ofHours((Integer) type[4]));
            Instant closedAt = stuck ? null : requested.plusSeconds((long) (hours * 3600) + 60);
            boolean closed = closedAt != null && closedAt.isBefore(now);
            boolean duplicate = random.nextInt(100) < 6 && id - firstId > 500;
            requests.add(new Object[] {id, "GEN-" + id, code, code.replace('_', ' '), closed ? "CLOSED" : "OPEN",
                    channel(), type[1], inWard ? "Ward " + ward : null, String.valueOf(60601 + random.nextInt(12)),
                    ts(requested), ts(closed ? closedAt : requested), ts(expected), closed ? ts(closedAt) : null,
                    duplicate ? id - 1 - random.nextInt(500) : null});
            boolean late = closed ? closedAt.isAfter(expected) : expected.isBefore(now);
            if (late) {
                escalations.add(new Object[] {id, "Overdue: escalation task for supervisors-" + type[1] + ".",
                        ts(expected)});
            }
            if (closed && random.nextInt(100) < 3) {
                reopenings.add(new Object[] {id, ts(closedAt.minusSeconds((long) (hours * 1200)))});
            }
            if (closed && random.nextInt(4) == 0) {
                boolean fixed = random.nextInt(100) < (late ? 60 : 85);
                Integer rating = random.nextInt(10) < 6 ? (fixed ? 3 + random.nextInt(3) : 1 + random.nextInt(3)) : null;
                answers.add(new Object[] {id, "gen-" + id, ts(closedAt), ts(closedAt), fixed ? "YES" : "NO", rating,
                        ts(min(closedAt.plus(Duration.ofDays(3)), now))});
            }
            if (requests.size() == BATCH || i == count - 1) {
                flush(requests, reopenings, escalations, answers);
            }
        }
    }

    private void flush(List<Object[]> requests, List<Object[]> reopenings, List<Object[]> escalations,
                       List<Object[]> answers) {
        jdbc.batchUpdate("""
                INSERT INTO service_request (id, tracking_number, service_code, service_name, status, channel,
                    department, area, zipcode, requested_at, updated_at, expected_at, closed_at, duplicate_of)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", requests);
        jdbc.batchUpdate("INSERT INTO request_note (request_id, note_type, description, created_at)"
                + " VALUES (?, 'reopened', 'The resident says it is not fixed.', ?)", reopenings);
        jdbc.batchUpdate("INSERT INTO staff_note (request_id, author, body, created_at) VALUES (?, 'Civic311', ?, ?)",
                escalations);
        jdbc.batchUpdate("""
                INSERT INTO follow_up (request_id, round_no, token, ask_at, asked_at, answer, rating, answered_by,
                                       answered_at)
                VALUES (?, 1, ?, ?, ?, ?, ?, 'EMAIL', ?)""", answers);
        requests.clear();
        reopenings.clear();
        escalations.clear();
        answers.clear();
    }

    /** Spread evenly over the last 365 days, a weekend day getting 60 % of a weekday's share. */
    private Instant receivedAt(int i, int count) {
        while (true) {
            Instant at = now.minusSeconds((long) (random.nextDouble() * 365 * 86_400) + 60);
            int weekday = at.atZone(ZoneOffset.UTC).getDayOfWeek().getValue();
            if (weekday < 6 || random.nextInt(10) < 6) {
                return at;
            }
        }
    }

    private Object[] pick() {
        int roll = random.nextInt(1000);
        for (Object[] type : TYPES) {
            roll -= (Integer) type[2];
            if (roll < 0) {
                return type;
            }
        }
        return TYPES[0];
    }

    private String channel() {
        int roll = random.nextInt(100);
        for (int c = 0; c < CHANNELS.length; c++) {
            roll -= CHANNEL_SHARES[c];
            if (roll < 0) {
                return CHANNELS[c];
            }
        }
        return CHANNELS[0];
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDateTime ts(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
