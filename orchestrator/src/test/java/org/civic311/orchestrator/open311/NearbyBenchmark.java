package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.civic311.orchestrator.request.PublicRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How fast nearby open requests are found among 100,000 open ones spread over a large city (30 by 30 km): the
 * lookup intake makes for every new report (30 m, one type) and the nearby search a front end makes before a
 * report is filed, over real HTTP. A harness, not a test: it prints what it measured and the database's plan, and
 * checks only the answers, never a time. Run it (docs/duplicates.md) with
 * <pre>
 * mvn -o -pl orchestrator test -Dtest=NearbyBenchmark          # H2, in memory
 * mvn -o -pl orchestrator test -Dtest=NearbyOnMySqlBenchmark   # MySQL/MariaDB at CIVIC311_TEST_MYSQL
 * </pre>
 */
class NearbyBenchmark extends RequestQueryBenchmark {

    static final int OPEN_REQUESTS = 100_000;
    static final double CENTRE_LAT = 41.8781;
    static final double CENTRE_LON = -87.6298;
    static final int LOOKUPS = 2_000;

    @Autowired
    PublicRequests requests;

    @Test
    @Override
    void measure() {
        long seeding = System.nanoTime();
        seedOpenBacklog();
        System.out.printf(Locale.ROOT, "%nSeeded %,d open requests in %.1f s (%s)%n", count("service_request"),
                (System.nanoTime() - seeding) / 1e9, database());

        Random random = new Random(42);
        long[] micros = new long[LOOKUPS];
        long found = 0;
        for (int i = 0; i < LOOKUPS + 200; i++) {
            double lat = CENTRE_LAT + (random.nextDouble() * 2 - 1) * 0.135;
            double lon = CENTRE_LON + (random.nextDouble() * 2 - 1) * 0.18;
            long start = System.nanoTime();
            int hits = requests.nearby(lat, lon, 30, List.of("pothole"), 50).size();
            if (i >= 200) { // the first 200 warm up
                micros[i - 200] = (System.nanoTime() - start) / 1_000;
                found += hits;
            }
        }
        Arrays.sort(micros);
        System.out.printf(Locale.ROOT, "%nIntake's duplicate lookup (30 m, pothole), %,d lookups at random points: "
                        + "median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; %,d candidates found in all%n",
                LOOKUPS, micros[LOOKUPS / 2] / 1e3, micros[LOOKUPS * 9 / 10] / 1e3, micros[LOOKUPS * 99 / 100] / 1e3,
                micros[LOOKUPS - 1] / 1e3, found);

        Open311Client api = new Open311Client(port);
        String point = String.format(Locale.ROOT, "lat=%.6f&long=%.6f", CENTRE_LAT, CENTRE_LON);
        List<String[]> table = new ArrayList<>();
        for (String query : List.of(
                // The radius first: the table shows the start of each path.
                "/open311/v2/requests.json?radius=30&service_code=pothole&" + point,
                "/open311/v2/requests.json?radius=250&service_code=pothole&" + point,
                "/open311/v2/requests.xml?radius=250&" + point,
                "/open311/v2/requests.json?radius=1000&service_code=pothole&" + point,
                "/open311/v2/requests.json?radius=1000&" + point)) {
            table.add(time(api, query));
        }
        System.out.printf(Locale.ROOT, "%n%-60s %8s %8s %8s %8s%n", "GET nearby (" + database() + ", " + RUNS + " runs)",
                "rows", "median", "p90", "max");
        table.forEach(row -> System.out.printf(Locale.ROOT, "%-60s %8s %8s %8s %8s%n", (Object[]) row));
        assertThat(api.get("/open311/v2/requests.json?" + point + "&radius=1000").json().size()).isPositive();
        explainNearby();
    }

    /** Open requests spread evenly over the city, of five types, with their grid cells as intake stores them. */
    void seedOpenBacklog() {
        Random random = new Random(311);
        int batch = 2_000;
        for (int from = 0; from < OPEN_REQUESTS; from += batch) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = from; i < Math.min(OPEN_REQUESTS, from + batch); i++) {
                double lat = CENTRE_LAT + (random.nextDouble() * 2 - 1) * 0.135;
                double lon = CENTRE_LON + (random.nextDouble() * 2 - 1) * 0.18;
                // The formula of changeset 019 and of intake.
                long cell = (long) Math.floor((lat + 90) / 0.002) * 200_000L + (long) Math.floor((lon + 180) / 0.002);
                rows.add(new Object[] {"SR-2026-" + (i + 1), CODES[i % CODES.length], CODES[i % CODES.length],
                        "Seeded request " + i, lat, lon, (i % 9000) + " N State St", "web", ts(now), ts(now), cell});
            }
            jdbc.batchUpdate("""
                    INSERT INTO service_request (tracking_number, service_code, service_name, status, description, lat,
                        lon, address, channel, requested_at, updated_at, request_cell)
                    VALUES (?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        }
    }

    /** The plan of intake's lookup: ranges of the request_cell index, one per row of cells. */
    void explainNearby() {
        long row = (long) Math.floor((CENTRE_LAT + 90) / 0.002);
        long column = (long) Math.floor((CENTRE_LON + 180) / 0.002);
        String sql = "SELECT id, lat, lon FROM service_request WHERE (request_cell BETWEEN " + (row * 200_000 + column - 1)
                + " AND " + (row * 200_000 + column + 1) + " OR request_cell BETWEEN " + ((row + 1) * 200_000 + column - 1)
                + " AND " + ((row + 1) * 200_000 + column + 1) + ") AND status = 'OPEN' AND duplicate_of IS NULL"
                + " AND service_code IN ('pothole')";
        printPlan(sql);
    }
}
