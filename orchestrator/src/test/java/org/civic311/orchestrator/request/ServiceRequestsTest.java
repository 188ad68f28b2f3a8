package org.civic311.orchestrator.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.civic311.orchestrator.catalog.RequestTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A new request as intake hands it on (to duplicate detection and the process start) is the request as stored: it is
 * built from what was written rather than read back; every answer, also each of several to one question, reads back
 * in its order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("conformance")
class ServiceRequestsTest {

    @Autowired
    ServiceRequests requests;
    @Autowired
    RequestTypes requestTypes;

    @Test
    void aNewRequestIsHandedOnAsStored() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS); // the columns keep whole seconds on MySQL
        ServiceRequest added = requests.add(new NewServiceRequest(requestTypes.find("pothole").orElseThrow(), "Deep, by the curb", 41.8837, -87.6324,
                "121 N LaSalle St", "LASALLE-121", "60602", "https://example.org/pothole.jpg",
                new Resident("Sam", "Rivera", "sam@example.org", "+13125550123", "device-7", "account-9"), "phone",
                Map.of("hazard", List.of("yes"), "size", List.of("large"),
                        "seen_by", List.of("driver", "cyclist", "walker"))),
                "Pothole", "Loop", now);

        assertThat(added.trackingNumber()).matches("SR-\\d{4}-\\d{6}");
        assertThat(added.statusNotes()).isEqualTo("Request received through phone.");
        assertThat(added).usingRecursiveComparison().isEqualTo(requests.get(added.id()));
    }
}
