package org.civic311.connectors.cityworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.ConnectorRefusal;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.WorkUpdate;
import org.civic311.simulators.cityworks.CityworksSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Cityworks 23 site in Chicago (see {@link UnitySite}): the token in the header, HTTP 401 for an expired one,
 * daylight saving time, and a map in State Plane.
 */
@SimulatedCityworks
@UnitySite
class CityworksUnitySiteTest {

    @LocalServerPort
    int port;

    @Autowired
    CityworksSimulator simulator;

    CityworksConnector connector;

    @BeforeEach
    void emptySite() {
        simulator.reset();
        connector = new CityworksConnector(TestSite.properties(port, UnitySite.SETTINGS));
    }

    @AfterEach
    void clockBack() {
        simulator.reset();
    }

    @Test
    void byDefaultTheTokenReachesASiteThatReadsOnlyTheHeader() {
        ExternalRef ref = connector.push(TestSite.damagedTree("700001", TestSite.URBAN_FORESTRY));

        assertThat(simulator.request(TestSite.requestId(ref))).isPresent();
    }

    @Test
    void theTokenInTheFieldAloneIsRefusedNamingTheSettingToChange() {
        CityworksConnector fieldOnly = new CityworksConnector(TestSite.properties(port, "zone", UnitySite.ZONE,
                "token-placement", "field"));

        assertThatThrownBy(() -> fieldOnly.push(TestSite.damagedTree("700002", TestSite.URBAN_FORESTRY)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("civic311.connectors.cityworks.token-placement");
        assertThatThrownBy(() -> fieldOnly.push(TestSite.damagedTree("700002", TestSite.URBAN_FORESTRY)))
                .isInstanceOf(ConnectorException.class);
        assertThat(simulator.serviceRequestsCreated()).isZero();
        assertThat(simulator.callsTo(CityworksClient.AUTHENTICATE))
                .as("each push logs in afresh and once more: a refused token is never used again").isEqualTo(4);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anExpiredTokenAnsweredWithHttp401IsRenewedWithoutFailingThePushOrThePoll(CapturedOutput log) {
        assertThat(TestSite.closureAcrossTwoTokenExpiries(connector, simulator, "700003").status())
                .isEqualTo(WorkStatus.COMPLETED);
        assertThat(log.getOut()).contains("Ams/ServiceRequest/ByOtherSystemId with Unauthorized (HTTP 401");
        assertThat(simulator.callsTo(CityworksClient.AUTHENTICATE)).as("one login at first, one per expiry").isEqualTo(3);
    }

    @Test
    void aWrongPasswordAnsweredWithHttp401IsARefusedLoginNotARetryLoop() {
        CityworksConnector refused = new CityworksConnector(TestSite.properties(port, "zone", UnitySite.ZONE,
                "password", "not-the-password"));

        assertThatThrownBy(() -> refused.push(TestSite.damagedTree("700005", TestSite.URBAN_FORESTRY)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("refused the login 'civic311'");
        assertThat(simulator.callsTo(CityworksClient.AUTHENTICATE)).isEqualTo(1);
    }

    /**
     * Clocks go back at 07:00Z on 1 November 2026. A request closed at 01:50 CDT and one closed twenty minutes
     * later, at 01:10 CST: the second has the earlier wall-clock time, and a poll since 01:45 CDT must find both.
     */
    @Test
    void closuresOnEitherSideOfTheHourClocksGoBackAreAllFound() {
        ExternalRef[] closed = closeAcross(Instant.parse("2026-11-01T06:50:00Z"), Duration.ofMinutes(20));

        List<ExternalRef> found = completed(Instant.parse("2026-11-01T06:45:00Z"));

        assertThat(found).contains(closed);
    }

    /** Clocks go forward at 08:00Z on 14 March 2027: 01:50 CST, then 03:10 CDT. */
    @Test
    void closuresOnEitherSideOfTheHourClocksSkipAreAllFound() {
        ExternalRef[] closed = closeAcross(Instant.parse("2027-03-14T07:50:00Z"), Duration.ofMinutes(20));

        List<ExternalRef> found = completed(Instant.parse("2027-03-14T07:45:00Z"));

        assertThat(found).contains(closed);
    }

    @Test
    void aClosureIsReportedAtTheInstantItHappenedNotAtUtcWallClockTime() {
        moveServerClockTo(Instant.parse("2026-07-01T15:00:00Z"));
        ExternalRef ref = connector.push(TestSite.damagedTree("700006", TestSite.URBAN_FORESTRY));
        Instant closedAt = simulator.closeRequest(TestSite.requestId(ref), "Done").dateTimeClosed();

        WorkUpdate update = connector.pullUpdates(closedAt.minusSeconds(60)).updates().stream()
                .filter(u -> u.ref().equals(ref)).findFirst().orElseThrow();

        assertThat(simulator.request(TestSite.requestId(ref)).orElseThrow().requestBase().get("DateTimeClosed"))
                .asString().startsWith("2026-07-01T10:0");
        assertThat(update.at()).isEqualTo(closedAt);
    }

    @Test
    void requestsAndWorkOrdersCarryTheirPointAsWgs84OnAStatePlaneSite() {
        ExternalRef request = connector.push(TestSite.damagedTree("700007", TestSite.URBAN_FORESTRY));
        ExternalRef workOrder = connector.push(TestSite.damagedTree("700008", TestSite.STREET_CREWS));

        assertThat(simulator.request(TestSite.requestId(request)).orElseThrow().coordinatesWkid()).isEqualTo(4326);
        assertThat(simulator.workOrder(TestSite.workOrderId(workOrder)).orElseThrow().coordinatesWkid()).isEqualTo(4326);
        assertThat(simulator.workOrder(TestSite.workOrderId(workOrder)).orElseThrow().workOrderBase())
                .containsEntry("WOXCoordinate", -87.6324).containsEntry("WOYCoordinate", 41.8837);
    }

    @Test
    void aValidationErrorIsARefusalInCityworksOwnWords() {
        assertThatThrownBy(() -> connector.push(TestSite.damagedTree("700009", TestSite.STREET_CREWS, "9999")))
                .isInstanceOf(ConnectorRefusal.class)
                .hasMessageContaining("WOTemplateId 9999 is not a work order template. [InvalidField 30]");
    }

    // Two requests of ours, closed `apart` from each other starting at `first` by the server's clock.
    private ExternalRef[] closeAcross(Instant first, Duration apart) {
        moveServerClockTo(first);
        ExternalRef before = connector.push(TestSite.damagedTree("700010", TestSite.URBAN_FORESTRY));
        simulator.closeRequest(TestSite.requestId(before), "Before the change");
        simulator.shiftClock(apart);
        ExternalRef after = connector.push(TestSite.damagedTree("700011", TestSite.URBAN_FORESTRY));
        simulator.closeRequest(TestSite.requestId(after), "After the change");
        return new ExternalRef[] {before, after};
    }

    private List<ExternalRef> completed(Instant since) {
        return connector.pullUpdates(since).updates().stream()
                .filter(update -> update.status() == WorkStatus.COMPLETED)
                .map(WorkUpdate::ref)
                .toList();
    }

    private void moveServerClockTo(Instant instant) {
        simulator.shiftClock(Duration.between(simulator.now(), instant));
    }
}
