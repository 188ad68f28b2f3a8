package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.civic311.orchestrator.request.UtcColumns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * How fast the public Open311 reads are with 100,000 stored requests (and 270,000 notes), over real HTTP as a
 * client sees them. A harness, not a test: its name keeps it out of the default run, it prints what it measured
 * and checks only that each answer is the right one, never a time. Run it (docs/open311.md) with
 * <pre>
 * mvn -o -pl orchestrator test -Dtest=RequestQueryBenchmark          # H2, in memory
 * mvn -o -pl orchestrator test -Dtest=RequestQueryOnMySqlBenchmark   # MySQL/MariaDB at CIVIC311_TEST_MYSQL
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE")
@ActiveProfiles("conformance")
class RequestQueryBenchmark {

    static final int REQUESTS = 100_000;
    static final String[] CODES = {"pothole", "damaged_tree", "high_weeds", "graffiti", "missed_collection"};
    static final int WARM_UP = 5;
    static final int RUNS = 25;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void measure() {
        long seeding = System.nanoTime();
        seed();
        System.out.printf(Locale.ROOT, "%nSeeded %,d requests and %,d notes in %.1f s (%s)%n",
                count("service_request"), count("request_note"), (System.nanoTime() - seeding) / 1e9, database());

        Open311Client api = new Open311Client(port);
        String v2 = "/open311/v2";
        String ids = IntStream.rangeClosed(1, 50).mapToObj(i -> "SR-2026-" + (i * 1999)).collect(Collectors.joining(","));
        List<String[]> table = new ArrayList<>();
        for (String path : List.of(
                v2 + "/requests.json",
                v2 + "/requests.xml",
                v2 + "/requests.json?status=open",
                v2 + "/requests.json?service_code=pothole&status=open",
                v2 + "/requests.json?service_code=pothole,graffiti&start_date=" + w3c(days(200)) + "&end_date=" + w3c(days(170)),
                v2 + "/requests.json?updated_after=" + w3c(days(1)),
                v2 + "/requests.json?page=20&page_size=100",
                v2 + "/requests.json?extensions=true",
                v2 + "/requests.json?service_request_id=" + ids,
                v2 + "/requests/SR-2026-50000.json",
                v2 + "/servicerequestupdates.json?start_date=" + w3c(now.minus(Duration.ofHours(2))) + "&end_date=" + w3c(now),
                v2 + "/servicerequestupdates.json")) {
            table.add(time(api, path));
        }
        System.out.printf(Locale.ROOT, "%n%-60s %8s %8s %8s %8s%n", "GET (" + database() + ", " + RUNS + " runs)",
                "rows", "median", "p90", "max");
        table.forEach(row -> System.out.printf(Locale.ROOT, "%-60s %8s %8s %8s %8s%n", (Object[]) row));
        explain();
    }

    String[] time(Open311Client api, String path) {
        for (int i = 0; i < WARM_UP; i++) {
            assertThat(api.get(path).status()).as(path).isEqualTo(200);
        }
        long[] millis = new long[RUNS];
        int rows = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            Open311Client.Answer answer = api.get(path);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            assertThat(answer.status()).as(path).isEqualTo(200);
            rows = path.contains(".xml") ? answer.xml().getChildNodes().getLength() : answer.json().size();
        }
        Arrays.sort(millis);
        String shown = path.replaceAll("service_request_id=[^&]*", "service_request_id=<50 ids>")
                .replaceAll("=(\\d{4}-\\d\\d-\\d\\dT[^&]*)", "=<date>");
        return new String[] {shown.length() > 60 ? shown.substring(0, 57) + "..." : shown, String.valueOf(rows),
                millis[RUNS / 2] + " ms", millis[RUNS * 9 / 10] + " ms", millis[RUNS - 1] + " ms"};
    }

    /** Requests over the last 365 days, about 270 a day; 69 % closed; three notes each, a closing one when closed. */
    void seed() {
        int batch = 2_000;
        for (int from = 0; from < REQUESTS; from += batch) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = from; i < Math.min(REQUESTS, from + batch); i++) {
                Instant requested = now.minusSeconds((long) i * 365 * 86_400 / REQUESTS + 60);
                Instant updated = min(requested.plus(Duration.ofHours(1 + i % 72)), now);
                boolean closed = i % 13 < 9; // independent of the service code (i % 5)
                rows.add(new Object[] {"SR-2026-" + (i + 1), CODES[i % CODES.length], CODES[i % CODES.length],
                        closed ? "CLOSED" : "OPEN", closed ? "The work is done." : "Assigned to Streets Department.",
                        "Seeded request " + i, 41.8 + (i % 1000) / 10_000.0, -87.6 - (i % 997) / 10_000.0,
                        (i % 9000) + " N State St", "6060" + (i % 10), "resident" + i + "@example.org", "Resident",
                        i % 3 == 0 ? "phone" : "web", "streets", "Streets Department",
                        "The Streets Department will take care of it.", ts(requested), ts(updated),
                        ts(requested.plus(Duration.ofDays(3))), closed ? ts(updated) : null});
            }
            jdbc.batchUpdate("""
                    INSERT INTO service_request (tracking_number, service_code, service_name, status, status_notes,
                        description, lat, lon, address, zipcode, email, first_name, channel, department,
                        agency_responsible, service_notice, requested_at, updated_at, expected_at, closed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        }
        jdbc.update("""
                INSERT INTO request_note (request_id, note_type, description, created_at)
                SELECT id, 'submitted', 'Request received through web.', requested_at FROM service_request""");
        jdbc.update("""
                INSERT INTO request_note (request_id, note_type, description, created_at)
                SELECT id, 'routed', 'Assigned to Streets Department.', requested_at FROM service_request""");
        jdbc.update("""
                INSERT INTO request_note (request_id, note_type, description, created_at)
                SELECT id, 'closed', 'The work is done.', closed_at FROM service_request WHERE closed_at IS NOT NULL""");
    }

    /** The plans of the main queries, to see that each is answered from an index. */
    void explain() {
        String columns = "id, tracking_number, status, requested_at";
        String from = ts(days(90)).toString().substring(0, 19);
        String to = ts(now).toString().substring(0, 19);
        for (String sql : List.of(
                "SELECT " + columns + " FROM service_request WHERE requested_at >= '" + from + "' AND requested_at <= '"
                        + to + "' ORDER BY requested_at DESC, id DESC LIMIT 1000 OFFSET 0",
                "SELECT " + columns + " FROM service_request WHERE service_code IN ('pothole') AND status IN ('OPEN')"
                        + " AND requested_at >= '" + from + "' AND requested_at <= '" + to
                        + "' ORDER BY requested_at DESC, id DESC LIMIT 1000 OFFSET 0",
                "SELECT " + columns + " FROM service_request WHERE updated_at >= '" + ts(days(1)).toString().substring(0, 19)
                        + "' AND updated_at <= '" + to + "' ORDER BY requested_at DESC, id DESC LIMIT 1000 OFFSET 0",
                "SELECT n.id, r.tracking_number FROM request_note n JOIN service_request r ON r.id = n.request_id"
                        + " WHERE n.created_at >= '" + from + "' AND n.created_at <= '" + to
                        + "' AND n.note_type <> 'submitted' ORDER BY n.created_at DESC, n.id DESC LIMIT 1000 OFFSET 0")) {
            printPlan(sql);
        }
    }

    /** Prints the database's plan of one query. */
    void printPlan(String sql) {
        System.out.println("\nEXPLAIN " + sql.replaceAll("\\s+", " "));
        jdbc.query("EXPLAIN " + sql, (ResultSet rs) -> {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> cells = new ArrayList<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                if (rs.getObject(c) != null) {
                    cells.add(meta.getColumnLabel(c) + "=" + rs.getString(c));
                }
            }
            System.out.println("  " + String.join(" ", cells).replaceAll("\\s+", " "));
        });
    }

    String database() {
        return jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName() + " "
                + c.getMetaData().getDatabaseProductVersion());
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    Instant days(int days) {
        return now.minus(Duration.ofDays(days));
    }

    static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(UtcColumns.toColumn(instant));
    }

    static String w3c(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toString();
    }
}
