package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.RepositoryService;
import org.civic311.orchestrator.request.UtcColumns;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Open311 conformance suite's common ground: the whole application over real HTTP, in a city west of UTC
 * (application-conformance.yml). All suites share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("conformance")
abstract class Open311ConformanceTest {

    static final String WEB_KEY = "conformance-web-key";
    static final String PHONE_KEY = "conformance-phone-key";
    static final String V2 = "/open311/v2";
    /** A W3C datetime in the city's zone, America/Chicago. */
    static final String W3C_CHICAGO = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-0[56]:00";

    private static final AtomicLong SEEDED = new AtomicLong();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    RepositoryService repository;

    Open311Client api;

    @BeforeEach
    void client() {
        api = new Open311Client(port);
    }

    /** What a process owner does: deploy a request type and its routing rule while Civic311 runs (once per context). */
    void deployAbandonedBoat() {
        repository.createDeployment().name("abandoned_boat").enableDuplicateFiltering(true)
                .addClasspathResource("open311/abandoned_boat.bpmn")
                .addClasspathResource("open311/abandoned-boats.drl").deploy();
    }

    /** A complete, valid pothole report with every personal field a client may send. */
    static Open311Client.Form pothole() {
        return Open311Client.Form.of(
                "api_key", WEB_KEY,
                "service_code", "pothole",
                "lat", "41.8837",
                "long", "-87.6324",
                "address_string", "121 N LaSalle St, Chicago",
                "description", "Deep pothole in the bike lane",
                "attribute[hazard]", "no",
                "email", "jane.resident@example.org",
                "first_name", "Jane",
                "last_name", "Resident",
                "phone", "312-555-0100",
                "device_id", "device-7f3a",
                "account_id", "account-4411");
    }

    /** Submits and returns the tracking number. */
    String submit(Open311Client.Form form) {
        Open311Client.Answer answer = api.post(V2 + "/requests.json", form);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get(0).get("service_request_id").asText();
    }

    JsonNode request(String id, String query) {
        Open311Client.Answer answer = api.get(V2 + "/requests/" + id + ".json" + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().size()).isEqualTo(1);
        return answer.json().get(0);
    }

    long storedRequests() {
        return db.sql("SELECT COUNT(*) FROM service_request").query(Long.class).single();
    }

    /** Stores a request directly, as if made at {@code requestedAt}; returns its tracking number. */
    String seed(String serviceCode, String status, Instant requestedAt, Instant updatedAt) {
        String trackingNumber = "SR-SEED-" + SEEDED.incrementAndGet();
        db.sql("""
                        INSERT INTO service_request (tracking_number, service_code, service_name, status, description,
                            address, channel, requested_at, updated_at, email, first_name, phone)
                        VALUES (:tn, :code, :name, :status, 'Seeded', '1 Main St', 'web', :requested, :updated,
                            'seeded.resident@example.org', 'Seeded', '312-555-0199')""")
                .param("tn", trackingNumber).param("code", serviceCode).param("name", serviceCode)
                .param("status", status).param("requested", UtcColumns.toColumn(requestedAt))
                .param("updated", UtcColumns.toColumn(updatedAt))
                .update();
        return trackingNumber;
    }

    /** A service code no other test uses, so that a test's seeded requests can be told apart. */
    static String code(String name) {
        return name + "_" + SEEDED.incrementAndGet();
    }
}
