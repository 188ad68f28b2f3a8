package org.civic311.orchestrator.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

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
 * The open-data export of 1,000,000 requests from MySQL/MariaDB, downloaded over HTTP by a client that reads it
 * line by line. A harness, not a test: its name keeps it out of the default run; it prints the time and the peak
 * heap and checks only that every row arrived. Run it with a small heap, which a buffered export could not fit:
 * <pre>
 * mvn -o -pl orchestrator -am test -Dtest=OpenDataExportOnMySqlBenchmark -DargLine=-Xmx256m
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("conformance")
class OpenDataExportOnMySqlBenchmark {

    static final int REQUESTS = 1_000_000;
    static final MySqlTestDatabase DATABASE = MySqlTestDatabase.create("civic311_export_bench");

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        DATABASE.use(registry);
    }

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void measure() throws Exception {
        long seeding = System.nanoTime();
        seed();
        System.out.printf(Locale.ROOT, "%nSeeded %,d requests in %.1f s%n",
                jdbc.queryForObject("SELECT COUNT(*) FROM service_request", Long.class), (System.nanoTime() - seeding) / 1e9);

        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        long lines = 0;
        long bytes = 0;
        HttpResponse<InputStream> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/open-data/requests.csv")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long firstByte = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (lines++ == 0) {
                    firstByte = System.nanoTime() - start;
                }
                bytes += line.length() + 2;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(lines).isEqualTo(REQUESTS + 1);
        System.out.printf(Locale.ROOT, "Exported %,d rows (%,d MB) in %.1f s (%,.0f rows/s); first line after %d ms%n",
                lines - 1, bytes / 1_000_000, seconds, (lines - 1) / seconds, firstByte / 1_000_000);
        System.out.printf(Locale.ROOT, "Heap: max %d MB (-Xmx), peak used during the export %d MB (server and client)%n%n",
                Runtime.getRuntime().maxMemory() / 1_000_000, peak / 1_000_000);
    }

    /** A million requests, made by the database itself: three types, five areas, one in 50 a duplicate. */
    void seed() {
        jdbc.execute("CREATE TEMPORARY TABLE digit (d INT)");
        jdbc.execute("INSERT INTO digit VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
        jdbc.execute("CREATE TEMPORARY TABLE thousand (n INT)");
        jdbc.execute("INSERT INTO thousand SELECT a.d + 10 * b.d + 100 * c.d FROM digit a, digit b, digit c");
        for (int block = 0; block < REQUESTS / 100_000; block++) {
            jdbc.update("""
                    INSERT INTO service_request (tracking_number, service_code, service_name, status, status_notes,
                        description, lat, lon, address, zipcode, channel, area, agency_responsible, requested_at,
                        updated_at, closed_at, expected_at, email, first_name, last_name, phone)
                    SELECT CONCAT('SR-2025-', LPAD(k, 7, '0')), ELT(1 + k % 3, 'pothole', 'damaged_tree', 'high_weeds'),
                        ELT(1 + k % 3, 'Pothole', 'Damaged tree', 'High weeds'), IF(k % 4 = 0, 'OPEN', 'CLOSED'),
                        IF(k % 4 = 0, NULL, 'Done, thank you.'), CONCAT('Report number ', k, ', "quoted", with a comma'),
                        41.8 + (k % 1000) / 10000, -87.6 - (k % 700) / 10000, CONCAT(k % 9000, ' N Clark St'),
                        '60601', ELT(1 + k % 3, 'web', 'phone', 'email'), CONCAT('Ward ', 1 + k % 5), 'Streets Department',
                        TIMESTAMPADD(SECOND, k * 30, '2025-01-01 00:00:00'),
                        TIMESTAMPADD(SECOND, k * 30 + 86400, '2025-01-01 00:00:00'),
                        IF(k % 4 = 0, NULL, TIMESTAMPADD(SECOND, k * 30 + 86400, '2025-01-01 00:00:00')),
                        TIMESTAMPADD(SECOND, k * 30 + 172800, '2025-01-01 00:00:00'),
                        CONCAT('resident', k, '@example.org'), 'Jane', 'Resident', '312-555-0100'
                    FROM (SELECT ? * 100000 + a.n * 100 + b.d * 10 + c.d AS k
                          FROM thousand a, digit b, digit c) seq""", block);
        }
        jdbc.update("UPDATE service_request SET duplicate_of = id - 1 WHERE MOD(id, 50) = 0");
    }
}
