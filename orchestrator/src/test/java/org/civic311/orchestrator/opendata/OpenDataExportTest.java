package org.civic311.orchestrator.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civic311.orchestrator.request.UtcColumns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The open-data export over real HTTP, as a data portal or a researcher downloads it, in the conformance suite's
 * city (America/Chicago): its columns and values on a fixed data set, its filters, its refusals, and that nothing
 * a resident told us about themselves is in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("conformance")
class OpenDataExportTest {

    static final List<String> HEADER = List.of("service_request_id", "requested_datetime", "updated_datetime",
            "closed_date", "status_description", "status_notes", "source", "service_name", "service_subtype",
            "description", "agency_responsible", "address", "lat", "long", "service_code", "expected_datetime",
            "address_id", "zipcode", "area", "duplicate_of", "media_url");
    static final List<String> PERSONAL_VALUES = List.of("jane.export@example.org", "Janeexport", "Residentexport",
            "312-555-0142", "+13125550142", "device-ex42", "account-ex42", "seeded.export@example.org", "312-555-0177");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void publishesEachRequestsPublicFactsWithAreaAndDuplicateParentAndNothingPersonal() throws Exception {
        String parent = submit("pothole", "Deep pothole \"by the bike lane\", north side\nsecond line",
                "attribute[hazard]", "yes");
        String child = submit("pothole", "Same pothole again", "attribute[hazard]", "no");
        String tree = submit("damaged_tree", "Limb over the sidewalk");
        Instant closedAt = Instant.parse("2026-03-02T15:04:05Z");
        db.sql("""
                        UPDATE service_request SET area = 'Ward 3', status = 'CLOSED', status_notes = 'Filled.',
                            closed_at = :closed, updated_at = :closed WHERE tracking_number = :tn""")
                .param("closed", UtcColumns.toColumn(closedAt)).param("tn", parent).update();
        db.sql("""
                        UPDATE service_request SET duplicate_of = (SELECT id FROM service_request WHERE tracking_number = :parent)
                        WHERE tracking_number = :tn""")
                .param("parent", parent).param("tn", child).update();

        HttpResponse<String> answer = get("/open-data/requests.csv");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(answer.headers().firstValue("Content-Disposition")).get().asString().contains("attachment");
        Map<String, CSVRecord> rows = parse(answer.body());
        CSVRecord closed = rows.get(parent);
        assertThat(closed.get("status_description")).isEqualTo("closed");
        assertThat(closed.get("status_notes")).isEqualTo("Filled.");
        assertThat(closed.get("closed_date")).isEqualTo("2026-03-02T09:04:05-06:00");
        assertThat(closed.get("updated_datetime")).isEqualTo("2026-03-02T09:04:05-06:00");
        assertThat(OffsetDateTime.parse(closed.get("requested_datetime")).getOffset().getTotalSeconds())
                .isIn(-5 * 3600, -6 * 3600);
        assertThat(closed.get("source")).isEqualTo("web");
        assertThat(closed.get("service_code")).isEqualTo("pothole");
        assertThat(closed.get("service_name")).isNotBlank();
        assertThat(closed.get("description")).isEqualTo("Deep pothole \"by the bike lane\", north side\nsecond line");
        assertThat(closed.get("address")).isEqualTo("121 N LaSalle St, Chicago");
        assertThat(closed.get("lat")).isEqualTo("41.8837");
        assertThat(closed.get("long")).isEqualTo("-87.6324");
        assertThat(closed.get("area")).isEqualTo("Ward 3");
        assertThat(closed.get("duplicate_of")).isEmpty();
        assertThat(closed.get("service_subtype")).isEmpty();
        assertThat(closed.get("expected_datetime")).isNotBlank();

        CSVRecord duplicate = rows.get(child);
        assertThat(duplicate.get("duplicate_of")).isEqualTo(parent);
        assertThat(duplicate.get("status_description")).isEqualTo("open");
        assertThat(duplicate.get("closed_date")).isEmpty();
        assertThat(duplicate.get("area")).isEmpty();
        assertThat(rows.get(tree).get("service_code")).isEqualTo("damaged_tree");

        for (String value : PERSONAL_VALUES) {
            assertThat(answer.body()).as("personal data in the export").doesNotContain(value);
        }
        assertThat(answer.body()).doesNotContain("attribute").doesNotContain("hazard");
    }

    @Test
    void filtersOnWhenRequestsCameInAndTheirServiceCode() throws Exception {
        // 2019 in the city (America/Chicago, UTC-6 in winter, UTC-5 from 10 March).
        String firstOfMarch = seed("pothole", "2019-03-01T06:00:00Z");
        String lastEveningOfMarch = seed("pothole", "2019-04-01T04:30:00Z");
        seed("pothole", "2019-04-01T05:00:00Z");
        seed("pothole", "2019-03-01T05:59:59Z");
        String tree = seed("damaged_tree", "2019-03-15T12:00:00Z");

        HttpResponse<String> march = get("/open-data/requests.csv?start_date=2019-03-01&end_date=2019-03-31");
        // In the order they were stored.
        assertThat(parse(march.body()).keySet()).containsExactly(firstOfMarch, lastEveningOfMarch, tree);

        // A datetime end is exclusive: midnight of 1 April in the city is left out.
        HttpResponse<String> potholes = get("/open-data/requests.csv?service_code=pothole,%20high_weeds"
                + "&start_date=2019-03-01T00:00:00-06:00&end_date=2019-04-01T00:00:00-05:00");
        assertThat(parse(potholes.body()).keySet()).containsExactly(firstOfMarch, lastEveningOfMarch);

        HttpResponse<String> none = get("/open-data/requests.csv?service_code=high_weeds&start_date=2019-03-01"
                + "&end_date=2019-03-31");
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body().strip()).isEqualTo(String.join(",", HEADER));
        assertThat(db.sql("SELECT email FROM service_request WHERE tracking_number = :tn").param("tn", tree)
                .query(String.class).single()).isEqualTo("seeded.export@example.org");
    }

    @Test
    void badFiltersAreRefusedWithA400ThatNamesEachOne() throws Exception {
        HttpResponse<String> answer = get("/open-data/requests.csv?start_date=yesterday&end_date=2019-13-01"
                + "&service_code=pothole,potholes");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(answer.body()).contains("start_date 'yesterday' is not a date")
                .contains("end_date '2019-13-01' is not a date")
                .contains("Unknown service_code potholes; known: abandoned_vehicle, ").contains(", pothole, ");

        HttpResponse<String> reversed = get("/open-data/requests.csv?start_date=2020-01-02&end_date=2020-01-01");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("start_date must be before end_date.");
    }

    /**
     * Streamed: the server writes the rows as the database hands them over, in chunks, without knowing the length
     * of the whole in advance (which a buffered answer would send as Content-Length).
     */
    @Test
    void aLargeExportIsSentInChunksAsItIsRead() throws Exception {
        int rows = 20_000;
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            batch.add(new Object[] {"SR-BULK-" + i, UtcColumns.toColumn(Instant.parse("2018-06-01T12:00:00Z").plusSeconds(i))});
        }
        jdbc.batchUpdate("""
                INSERT INTO service_request (tracking_number, service_code, service_name, status, description, address,
                    channel, requested_at, updated_at, email, phone)
                VALUES (?, 'pothole', 'Pothole', 'OPEN', 'Bulk', '1 Main St', 'phone', ?, ?, 'bulk@example.org', '312-555-0177')""",
                batch.stream().map(r -> new Object[] {r[0], r[1], r[1]}).toList());

        HttpResponse<String> answer = get("/open-data/requests.csv?start_date=2018-06-01&end_date=2018-06-30");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(answer.headers().firstValue("Content-Length")).isEmpty();
        Map<String, CSVRecord> parsed = parse(answer.body());
        assertThat(parsed).hasSize(rows);
        assertThat(parsed.keySet().stream().findFirst()).hasValue("SR-BULK-0");
        assertThat(answer.body()).doesNotContain("bulk@example.org").doesNotContain("312-555-0177");
    }

    /** The rows by tracking number, in the file's order; the header checked first. */
    Map<String, CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            assertThat(parser.getHeaderNames()).isEqualTo(HEADER);
            Map<String, CSVRecord> rows = new LinkedHashMap<>();
            for (CSVRecord row : parser) {
                assertThat(row.size()).isEqualTo(HEADER.size());
                rows.put(row.get("service_request_id"), row);
            }
            return rows;
        }
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Submits through Open311 with every personal field a client may send; answers the tracking number. */
    String submit(String serviceCode, String description, String... attributes) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", "conformance-web-key");
        form.put("service_code", serviceCode);
        form.put("lat", "41.8837");
        form.put("long", "-87.6324");
        form.put("address_string", "121 N LaSalle St, Chicago");
        form.put("description", description);
        form.put("email", "jane.export@example.org");
        form.put("first_name", "Janeexport");
        form.put("last_name", "Residentexport");
        form.put("phone", "312-555-0142");
        form.put("device_id", "device-ex42");
        form.put("account_id", "account-ex42");
        for (int i = 0; i < attributes.length; i += 2) {
            form.put(attributes[i], attributes[i + 1]);
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.body()).get(0).get("service_request_id").asText();
    }

    private int seeded;

    /** Stores a request directly, as if it came in at {@code requestedAt}, with a resident's details. */
    String seed(String serviceCode, String requestedAt) {
        String trackingNumber = "SR-OD-" + (++seeded) + "-" + Long.toString(System.nanoTime(), 36);
        db.sql("""
                        INSERT INTO service_request (tracking_number, service_code, service_name, status, description,
                            address, channel, requested_at, updated_at, email, first_name, phone)
                        VALUES (:tn, :code, :code, 'OPEN', 'Seeded', '1 Main St', 'phone', :at, :at,
                            'seeded.export@example.org', 'Seeded', '312-555-0177')""")
                .param("tn", trackingNumber).param("code", serviceCode)
                .param("at", UtcColumns.toColumn(Instant.parse(requestedAt)))
                .update();
        return trackingNumber;
    }

}
