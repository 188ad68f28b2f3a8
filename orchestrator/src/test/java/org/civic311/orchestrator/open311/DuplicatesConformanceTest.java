package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.civic311.orchestrator.request.ServiceRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Duplicate reports through the Open311 API: the link in both formats, the nearby search a front end asks before a
 * report is filed (checked against a generated backlog), following a request, and every bad input refused with
 * nothing stored. Detection is on here, in a database of its own.
 */
@TestPropertySource(properties = {
        "civic311.duplicates.detect-at-intake=true",
        "spring.datasource.url=jdbc:h2:mem:duplicates;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=30000"})
class DuplicatesConformanceTest extends Open311ConformanceTest {

    /** About 10 m north, at Chicago's latitude. */
    static final double TEN_METRES = 0.00009;

    @Autowired
    ServiceRequests requests;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSecondReportOfAnOpenPotholeIsADuplicateThatShowsItsParentInJsonAndXml() {
        String first = submit(potholeAt(41.70, -87.70));
        Open311Client.Answer receipt = api.post(V2 + "/requests.json", potholeAt(41.70 + TEN_METRES, -87.70));
        assertThat(receipt.status()).isEqualTo(200);
        String second = receipt.json().get(0).get("service_request_id").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(receipt.json().get(0).get("service_notice").asText()).contains(first);

        JsonNode duplicate = request(second, "?extensions=true");
        assertThat(duplicate.get("status").asText()).isEqualTo("open");
        assertThat(duplicate.get("agency_responsible").asText()).isEqualTo("Streets Department");
        assertThat(duplicate.get("extended_attributes").get("duplicate").asBoolean()).isTrue();
        assertThat(duplicate.get("extended_attributes").get("parent_service_request_id").asText()).isEqualTo(first);
        JsonNode parent = request(first, "?extensions=true");
        assertThat(parent.get("extended_attributes").get("duplicate").asBoolean()).isFalse();
        assertThat(parent.get("extended_attributes").has("parent_service_request_id")).isFalse();
        assertThat(request(second, "").has("extended_attributes")).isFalse();

        Element xml = Open311Client.child(api.get(V2 + "/requests/" + second + ".xml?extensions=true").xml(), "request");
        Element extended = Open311Client.child(xml, "extended_attributes");
        assertThat(Open311Client.text(extended, "duplicate")).isEqualTo("true");
        assertThat(Open311Client.text(extended, "parent_service_request_id")).isEqualTo(first);
        Element listed = Open311Client.child(api.get(V2 + "/requests.xml?extensions=true&service_request_id=" + first)
                .xml(), "request");
        assertThat(Open311Client.text(Open311Client.child(listed, "extended_attributes"), "duplicate")).isEqualTo("false");

        // One department task, for the first report only.
        assertThat(tasksOf(first)).isEqualTo(1);
        assertThat(tasksOf(second)).isZero();
    }

    @Test
    void aReportFartherThanTheRuleOrOfAnotherKindIsARequestOfItsOwn() {
        String first = submit(potholeAt(41.71, -87.70));
        String far = submit(potholeAt(41.71 + 4 * TEN_METRES, -87.70));
        String addressOnly = submit(pothole().without("lat").without("long").set("address_string", "1 Far Away Rd"));

        for (String own : List.of(far, addressOnly)) {
            JsonNode request = request(own, "?extensions=true");
            assertThat(request.get("extended_attributes").get("duplicate").asBoolean()).as(own).isFalse();
            assertThat(tasksOf(own)).as(own).isEqualTo(1);
        }
        assertThat(tasksOf(first)).isEqualTo(1);
    }

    @Test
    void theNearbySearchListsOpenRequestsOfTheirOwnNearestFirstInBothFormats() {
        String code = code("nearby");
        String near = seedAt(code, "OPEN", 41.72, -87.70, null);
        String nearer = seedAt(code, "OPEN", 41.72 - TEN_METRES, -87.70, null);
        seedAt(code, "CLOSED", 41.72 - TEN_METRES / 2, -87.70, null);
        seedAt(code, "OPEN", 41.72 - TEN_METRES / 3, -87.70, nearer);
        seedAt(code, "OPEN", 41.72 + 30 * TEN_METRES, -87.70, null);

        String point = "lat=" + (41.72 - 2 * TEN_METRES) + "&long=-87.70";
        assertThat(ids(V2 + "/requests.json?" + point + "&radius=100&service_code=" + code)).containsExactly(nearer, near);
        Element xml = api.get(V2 + "/requests.xml?" + point + "&radius=100&service_code=" + code).xml();
        assertThat(Open311Client.children(xml)).extracting(e -> Open311Client.text(e, "service_request_id"))
                .containsExactly(nearer, near);
        assertThat(ids(V2 + "/requests.json?" + point + "&radius=15&service_code=" + code)).containsExactly(nearer);
        assertThat(ids(V2 + "/requests.json?" + point + "&radius=100&service_code=" + code + "&page_size=1"))
                .containsExactly(nearer);
        // Without a radius: 250 m, FixMyStreet's default.
        assertThat(ids(V2 + "/requests.json?" + point + "&service_code=" + code)).containsExactly(nearer, near);
    }

    @Test
    void theNearbySearchFindsExactlyWhatLiesWithinTheRadiusOfAGeneratedBacklog() {
        String code = code("backlog");
        double lat0 = 44.95;
        double lon0 = -93.20;
        Random random = new Random(311);
        List<Object[]> rows = new ArrayList<>();
        List<double[]> open = new ArrayList<>();
        Timestamp now = Timestamp.valueOf(LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
        for (int i = 0; i < 20_000; i++) {
            double lat = lat0 + (random.nextDouble() * 2 - 1) * 0.03;
            double lon = lon0 + (random.nextDouble() * 2 - 1) * 0.04;
            String status = random.nextInt(4) == 0 ? "CLOSED" : "OPEN";
            rows.add(new Object[] {code + "-" + i, code, status, lat, lon, now, lat, lon, status});
            // The cell is worked out by the formula changeset 019 keys earlier requests with.
            if (status.equals("OPEN")) {
                open.add(new double[] {lat, lon, i});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO service_request (tracking_number, service_code, service_name, status, lat, lon, channel,
                    requested_at, updated_at, request_cell)
                VALUES (?, ?, 'Backlog', ?, ?, ?, 'web', ?, ?,
                    CASE WHEN ? = 'CLOSED' THEN NULL
                         ELSE FLOOR((CAST(? AS DOUBLE PRECISION) + 90) / 0.002) * 200000
                              + FLOOR((CAST(? AS DOUBLE PRECISION) + 180) / 0.002) END)""",
                rows.stream().map(r -> new Object[] {r[0], r[1], r[2], r[3], r[4], r[5], r[5], r[8], r[6], r[7]})
                        .toList());

        for (int q = 0; q < 12; q++) {
            double lat = lat0 + (random.nextDouble() * 2 - 1) * 0.02;
            double lon = lon0 + (random.nextDouble() * 2 - 1) * 0.03;
            double radius = 20 + random.nextDouble() * 480;
            List<String> expected = open.stream()
                    .filter(p -> metres(lat, lon, p[0], p[1]) <= radius)
                    .sorted(Comparator.comparingDouble(p -> metres(lat, lon, p[0], p[1])))
                    .map(p -> code + "-" + (int) p[2])
                    .toList();
            List<String> found = ids(String.format(Locale.ROOT, "%s/requests.json?lat=%.7f&long=%.7f&radius=%.2f"
                    + "&service_code=%s", V2, lat, lon, radius, code));
            assertThat(found).as("within %.0f m of %.5f,%.5f", radius, lat, lon).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aResidentFollowsAnOpenRequestOnceInsteadOfReportingItAgain() {
        String id = submit(potholeAt(41.73, -87.70));
        Open311Client.Form follow = Open311Client.Form.of("api_key", WEB_KEY, "email", "neighbour@example.org",
                "language", "es");

        Open311Client.Answer answer = api.post(V2 + "/requests/" + id + "/followers.json", follow);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get(0).get("service_request_id").asText()).isEqualTo(id);
        assertThat(answer.json().get(0).get("service_notice").asText()).contains(id);
        Element xml = api.post(V2 + "/requests/" + id + "/followers.xml", follow).xml();
        assertThat(Open311Client.text(Open311Client.child(xml, "request"), "service_request_id")).isEqualTo(id);
        assertThat(api.post(V2 + "/requests/" + id + "/followers.json", Open311Client.Form.of("api_key", PHONE_KEY,
                "phone", "312-555-0142", "notify", "sms")).status()).isEqualTo(200);

        assertThat(db.sql("""
                        SELECT f.email, f.phone, f.language, f.notify_by, f.channel FROM request_follower f
                        JOIN service_request r ON r.id = f.request_id WHERE r.tracking_number = :id ORDER BY f.id""")
                .param("id", id).query((rs, row) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)
                        + "|" + rs.getString(4) + "|" + rs.getString(5)).list())
                // Without a language, the one the client's Accept-Language asks for, else the city's.
                .containsExactly("neighbour@example.org|null|es|EMAIL|web", "null|+13125550142|en|SMS|phone");
        assertThat(api.get(V2 + "/requests/" + id + ".json?extensions=true").body())
                .doesNotContain("neighbour").doesNotContain("555");
    }

    @Test
    void badFollowsAreRefusedWithOpen311ErrorsAndStoreNothing() {
        String open = submit(potholeAt(41.74, -87.70));
        String closed = submit(potholeAt(41.75, -87.70));
        requests.close(requests.find(closed).orElseThrow().id(), "Filled.", Instant.now());
        long followers = followers();
        Open311Client.Form follow = Open311Client.Form.of("api_key", WEB_KEY, "email", "neighbour@example.org");

        assertError(api.post(V2 + "/requests/SR-1999-000001/followers.json", follow), 404,
                "No service request SR-1999-000001.");
        assertError(api.post(V2 + "/requests/" + closed + "/followers.json", follow), 400,
                closed + " is closed: only an open request can be followed. Report the problem anew if it is back.");
        assertError(api.post(V2 + "/requests/" + open + "/followers.json", follow.without("api_key")), 403,
                "api_key is required.");
        assertError(api.post(V2 + "/requests/" + open + "/followers.json", Open311Client.Form.of("api_key", WEB_KEY)),
                400, "email or phone is required to follow a request.");
        assertError(api.post(V2 + "/requests/" + open + "/followers.json", Open311Client.Form.of("api_key", WEB_KEY,
                "email", "not an address")), 400, "email is not a valid email address.");
        assertError(api.post(V2 + "/requests/" + open + "/followers.xml", Open311Client.Form.of("api_key", WEB_KEY,
                "email", "n@example.org", "notify", "sms")), 400, "notify=sms needs a phone number (phone).");
        assertThat(followers()).isEqualTo(followers);
    }

    @Test
    void aRadiusThatIsNegativeNotANumberOrTooLargeIsRefused() {
        String at = V2 + "/requests.json?lat=41.8&long=-87.6&radius=";
        String refusal = "radius must be a number of metres greater than 0 and at most 1000.";
        for (String radius : List.of("-5", "0", "NaN", "Infinity", "1000.5", "a%20lot")) {
            assertError(api.get(at + radius), 400, refusal);
        }
        assertError(api.get(V2 + "/requests.xml?lat=41.8&long=-87.6&radius=-1"), 400, refusal);
        assertError(api.get(V2 + "/requests.json?lat=41.8&radius=100"), 400,
                "A nearby search needs both lat and long (and radius, in metres).");
        assertError(api.get(V2 + "/requests.json?lat=91&long=-87.6&radius=100"), 400, "lat must be a number from -90 to 90.");
        assertError(api.get(at + "100&status=closed"), 400,
                "A nearby search (lat, long) lists open requests only: leave status out or make it open.");
        assertThat(api.get(at + "1000").status()).isEqualTo(200);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    static Open311Client.Form potholeAt(double lat, double lon) {
        return pothole().set("lat", String.valueOf(lat)).set("long", String.valueOf(lon));
    }

    List<String> ids(String pathAndQuery) {
        Open311Client.Answer answer = api.get(pathAndQuery);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().forEach(r -> ids.add(r.get("service_request_id").asText()));
        return ids;
    }

    /** Stores an open or closed request at a point, as a duplicate of {@code parent} when one is named. */
    String seedAt(String code, String status, double lat, double lon, String parent) {
        String trackingNumber = seed(code, status, Instant.now(), Instant.now());
        db.sql("""
                        UPDATE service_request SET lat = :lat, lon = :lon,
                            duplicate_of = (SELECT p.id FROM service_request p WHERE p.tracking_number = :parent)
                        WHERE tracking_number = :tn""")
                .param("lat", lat).param("lon", lon).param("parent", parent).param("tn", trackingNumber).update();
        // The formula changeset 019 keys earlier requests with.
        db.sql("""
                        UPDATE service_request SET request_cell = CASE WHEN status = 'OPEN'
                            THEN FLOOR((lat + 90) / 0.002) * 200000 + FLOOR((lon + 180) / 0.002) END
                        WHERE tracking_number = :tn""")
                .param("tn", trackingNumber).update();
        return trackingNumber;
    }

    long tasksOf(String trackingNumber) {
        return db.sql("SELECT COUNT(*) FROM department_task t JOIN service_request r ON r.id = t.request_id "
                + "WHERE r.tracking_number = :tn").param("tn", trackingNumber).query(Long.class).single();
    }

    long followers() {
        return db.sql("SELECT COUNT(*) FROM request_follower").query(Long.class).single();
    }

    static void assertError(Open311Client.Answer answer, int status, String description) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.errors()).containsExactly(description);
    }

    /** The great-circle distance in metres, worked out independently of the code under test. */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
    }
}
