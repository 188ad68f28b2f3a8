package org.civic311.orchestrator.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.civic311.orchestrator.MySqlTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How fast the staff dashboard answers on a year of a large city: 1,000,000 requests from
 * {@link RequestHistoryGenerator} in a MySQL/MariaDB database made for the run. A harness, not a test: its name keeps
 * it out of {@code mvn verify}; it prints each dashboard query's time (median and worst of its runs) and checks only
 * that the answers are the right size. Run it (docs/reporting.md) with
 * <pre>
 * mvn -o -pl orchestrator test -Dtest=ReportingOnMySqlBenchmark [-Dreporting.requests=1000000]
 * </pre>
 * {@code -Dreporting.database=name} fills that database on the first run and reuses it (kept) on the next ones;
 * {@code -Dreporting.generate-only=true} stops once the data and the summary are written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic311.zone=UTC",
        // The harness refreshes the summary itself, once the data is written.
        "civic311.reporting.refresh-interval=24h",
        "civic311.staff.users[0].id=director",
        "civic311.staff.users[0].password=bench-director-pw",
        "civic311.staff.users[0].groups=directors"})
@ActiveProfiles("conformance")
class ReportingOnMySqlBenchmark {

    /** -Dreporting.database=name reuses (or makes and fills once) that database and keeps it. */
    static final String REUSED = System.getProperty("reporting.database", "");
    static final MySqlTestDatabase DATABASE = REUSED.isEmpty()
            ? MySqlTestDatabase.create("civic311_report_bench") : MySqlTestDatabase.named(REUSED);
    static final int RUNS = 7;

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        DATABASE.use(registry);
    }

    @AfterAll
    static void dropDatabase() {
        if (REUSED.isEmpty() && !Boolean.getBoolean("reporting.keep")) {
            DATABASE.drop();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SummaryRefresh refresh;
    @Autowired
    ReportTables tables;
    @Autowired
    ReportQueries queries;

    @Test
    void measure() throws Exception {
        int count = Integer.getInteger("reporting.requests", 1_000_000);
        long start = System.nanoTime();
        long existing = count("service_request");
        if (existing == 0) {
            new RequestHistoryGenerator(jdbc, 311, Instant.now()).generate(count);
            System.out.printf(Locale.ROOT, "%nGenerated %,d requests (%,d reopenings, %,d escalations, %,d answers) in %.0f s%n",
                    count, count("request_note"), count("staff_note"), count("follow_up"), seconds(start));
        } else {
            System.out.printf(Locale.ROOT, "%nReusing %s: %,d requests%n", REUSED, existing);
        }
        start = System.nanoTime();
        int days = refresh.refresh();
        System.out.printf(Locale.ROOT, "Summary built: %d days, %,d rows, in %.0f s%n", days, count("report_day"),
                seconds(start));
        if (Boolean.getBoolean("reporting.generate-only")) {
            return;
        }

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Map<String, String>> filters = List.of(
                params("from", today.minusDays(364).toString(), "to", today.toString(), "period", "month"),
                params("from", today.minusDays(29).toString(), "to", today.toString(), "period", "day"),
                params("from", today.minusDays(364).toString(), "to", today.toString(), "period", "week",
                        "service_code", "pothole"),
                params("from", today.minusDays(364).toString(), "to", today.toString(), "period", "month",
                        "area", "Ward 38", "department", "streets"));
        List<String[]> table = new ArrayList<>();
        for (Map<String, String> params : filters) {
            ReportFilter filter = ReportFilter.of(params, today, queries.knownValues());
            String label = params.getOrDefault("service_code", "") + params.getOrDefault("area", "")
                    + " " + params.get("from") + ".." + params.get("to");
            for (String id : ReportTables.IDS) {
                long[] millis = new long[RUNS];
                int rows = 0;
                for (int run = 0; run < RUNS; run++) {
                    long t = System.nanoTime();
                    rows = tables.table(id, filter).rows().size();
                    millis[run] = (System.nanoTime() - t) / 1_000_000;
                }
                assertThat(rows).as(id).isPositive();
                table.add(row(id + "  " + label.strip(), rows, millis));
            }
            long[] millis = new long[RUNS];
            for (int run = 0; run < RUNS; run++) {
                long t = System.nanoTime();
                HttpResponse<String> page = get("/staff/?" + filter.query());
                millis[run] = (System.nanoTime() - t) / 1_000_000;
                assertThat(page.statusCode()).isEqualTo(200);
            }
            table.add(row("whole page GET /staff/  " + label.strip(), ReportTables.IDS.size(), millis));
        }
        System.out.printf(Locale.ROOT, "%n%-70s %6s %8s %8s%n", "Dashboard query (MySQL, " + RUNS + " runs)", "rows",
                "median", "max");
        table.forEach(r -> System.out.printf(Locale.ROOT, "%-70s %6s %8s %8s%n", (Object[]) r));
        start = System.nanoTime();
        jdbc.update("UPDATE service_request SET status = 'CLOSED', closed_at = updated_at, updated_at = ? WHERE id = 5",
                SummaryRebuild.utc(Instant.now()));
        refresh.refresh();
        System.out.printf(Locale.ROOT, "%nRefresh after one request changed: %.0f ms%n", seconds(start) * 1000);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("director:bench-director-pw".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String[] row(String label, int rows, long[] millis) {
        Arrays.sort(millis);
        return new String[] {label, String.valueOf(rows), millis[RUNS / 2] + " ms", millis[RUNS - 1] + " ms"};
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
