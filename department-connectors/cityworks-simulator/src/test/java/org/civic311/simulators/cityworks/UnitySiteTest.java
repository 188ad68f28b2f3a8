package org.civic311.simulators.cityworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.simulators.cityworks.CityworksTestClient.data;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.civic311.simulators.cityworks.CityworksTestClient.Reply;
import org.springframework.test.context.TestPropertySource;

/**
 * The stricter site: Cityworks 23 (token in the Authorization header only), HTTP 401 for a bad token or login, a
 * server in Chicago whose map is in Texas State Plane (WKID 2276).
 */
@TestPropertySource(properties = {
        "civic311.simulators.cityworks.version=23",
        "civic311.simulators.cityworks.unauthorized=http-401",
        "civic311.simulators.cityworks.zone=America/Chicago",
        "civic311.simulators.cityworks.spatial-reference=2276"})
class UnitySiteTest extends SimulatorHttpTest {

    @Test
    void theTokenIsReadFromTheAuthorizationHeaderOnly() {
        Reply inField = client.call("Ams/ServiceRequest/Problems", data());
        Reply inHeader = client.callWithHeader("Ams/ServiceRequest/Problems", data());

        assertThat(inField.httpStatus()).isEqualTo(401);
        assertThat(inField.status()).isEqualTo(2);
        assertThat(inHeader.ok()).isNotEmpty();
    }

    @Test
    void anExpiredTokenAndAWrongPasswordAreHttp401() {
        simulator.expireAllTokens();

        assertThat(client.callWithHeader("Ams/ServiceRequest/Problems", data()).httpStatus()).isEqualTo(401);
        assertThat(client.authenticate("demo", "wrong").httpStatus()).isEqualTo(401);
        assertThat(client.authenticate("demo", "demo").ok().path("Token").asText()).isNotBlank();
    }

    @Test
    void datesAreTheServersWallClockTimeInChicago() {
        simulator.shiftClock(Duration.between(simulator.now(), Instant.parse("2026-07-01T15:00:00Z")));
        long requestId = createRequest();

        JsonNode closed = client.callWithHeader("Ams/ServiceRequest/Close", data("RequestIds", List.of(requestId))).ok();

        assertThat(closed.path(0).path("DateTimeClosed").asText()).startsWith("2026-07-01T10:00");
    }

    /** Clocks go back at 07:00Z on 1 November 2026: 01:10 CST comes after 01:50 CDT, and Search compares wall clocks. */
    @Test
    void searchComparesWallClockTimesSoTheHourClocksGoBackComesBeforeItsStart() {
        simulator.shiftClock(Duration.between(simulator.now(), Instant.parse("2026-11-01T06:50:00Z")));
        long beforeTheChange = createAndClose();
        simulator.shiftClock(Duration.ofMinutes(20));
        long afterTheChange = createAndClose();

        assertThat(closedIds("2026-11-01T01:45:00")).containsExactly(beforeTheChange);
        assertThat(closedIds("2026-11-01T06:45:00Z")).as("an instant is turned into the server's wall-clock time")
                .containsExactly(beforeTheChange);
        assertThat(closedIds("2026-11-01T00:45:00")).containsExactly(beforeTheChange, afterTheChange);
    }

    @Test
    void coordinatesWithoutAWkidAreTakenInTheSitesOwnReference() {
        long bare = client.callWithHeader("Ams/ServiceRequest/Create", data("ProblemSid", 101, "X", -87.6, "Y", 41.9))
                .ok().path("RequestId").asLong();
        long wgs84 = client.callWithHeader("Ams/ServiceRequest/Create", data("ProblemSid", 101, "X", -87.6, "Y", 41.9,
                "WKID", 4326)).ok().path("RequestId").asLong();

        assertThat(simulator.request(bare).orElseThrow().coordinatesWkid()).isEqualTo(2276);
        assertThat(simulator.request(wgs84).orElseThrow().coordinatesWkid()).isEqualTo(4326);
    }

    private long createRequest() {
        return client.callWithHeader("Ams/ServiceRequest/Create", data("ProblemSid", 101)).ok().path("RequestId").asLong();
    }

    private long createAndClose() {
        long requestId = createRequest();
        client.callWithHeader("Ams/ServiceRequest/Close", data("RequestIds", List.of(requestId))).ok();
        return requestId;
    }

    private List<Long> closedIds(String begin) {
        JsonNode ids = client.callWithHeader("Ams/ServiceRequest/Search", data("DateTimeClosedBegin", begin)).ok();
        return java.util.stream.StreamSupport.stream(ids.spliterator(), false).map(JsonNode::asLong).toList();
    }
}
