package org.civic311.connectors.cityworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.ConnectorRefusal;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkOrder;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.WorkUpdate;
import org.civic311.connectors.tck.StalledServer;
import org.civic311.simulators.cityworks.CityworksRequest;
import org.civic311.simulators.cityworks.CityworksSimulator;
import org.civic311.simulators.cityworks.CityworksWorkOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the network and the site do to a push or a poll, and what an operator sees: an outage or a lost answer
 * is a ConnectorException the engine retries, and the retry never leaves the department with two items.
 */
@SimulatedCityworks
class CityworksFaultsTest {

    @LocalServerPort
    int port;

    @Autowired
    CityworksSimulator simulator;

    CityworksConnector connector;

    @BeforeEach
    void emptySite() {
        simulator.reset();
        connector = new CityworksConnector(TestSite.properties(port));
    }

    @AfterEach
    void siteBackToNormal() {
        simulator.comeBack();
        simulator.loseNextResponses(0);
    }

    @Test
    void whileCityworksIsDownPushFailsAndOnceBackTheSameTaskMakesOneRequest() {
        WorkOrder order = TestSite.damagedTree("800001", TestSite.URBAN_FORESTRY);
        simulator.goDown();

        assertThatThrownBy(() -> connector.push(order))
                .isInstanceOf(ConnectorException.class)
                .isNotInstanceOf(ConnectorRefusal.class)
                .hasMessageContaining("HTTP 503");
        assertThatThrownBy(() -> connector.pullUpdates(TestSite.aMinuteAgo()).updates()).isInstanceOf(ConnectorException.class);
        assertThat(simulator.serviceRequestsCreated()).isZero();

        simulator.comeBack();
        ExternalRef ref = connector.push(order);

        assertThat(simulator.requestsWithOtherSystemId("800001"))
                .singleElement()
                .extracting(CityworksRequest::requestId).isEqualTo(TestSite.requestId(ref));
    }

    @Test
    void aLostCreateAnswerFailsThePushAndTheRetryReturnsTheRequestItMade() {
        WorkOrder order = TestSite.damagedTree("800002", TestSite.URBAN_FORESTRY);
        simulator.loseNextResponses(1);

        assertThatThrownBy(() -> connector.push(order))
                .isInstanceOf(ConnectorException.class)
                .isNotInstanceOf(ConnectorRefusal.class)
                .hasMessageContaining("HTTP 502");
        assertThat(simulator.responsesLost()).isEqualTo(1);
        ExternalRef retried = connector.push(order);

        assertThat(simulator.requestsWithOtherSystemId("800002"))
                .as("the department sees one request for the task, not two")
                .singleElement()
                .extracting(CityworksRequest::requestId).isEqualTo(TestSite.requestId(retried));
        assertThat(simulator.serviceRequestsCreated()).isEqualTo(1);
    }

    @Test
    void aLostWorkOrderCreateAnswerIsRetriedIntoTheSameWorkOrder() {
        WorkOrder order = TestSite.damagedTree("800003", TestSite.STREET_CREWS);
        simulator.loseNextResponses(1);

        assertThatThrownBy(() -> connector.push(order)).isInstanceOf(ConnectorException.class);
        ExternalRef retried = connector.push(order);

        assertThat(simulator.workOrders())
                .filteredOn(workOrder -> "800003".equals(workOrder.workOrderBase().get("Text1")))
                .singleElement()
                .extracting(CityworksWorkOrder::workOrderId).isEqualTo(TestSite.workOrderId(retried));
        assertThat(simulator.workOrdersCreated()).isEqualTo(1);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anExpiredTokenIsRenewedWithoutFailingThePushOrThePoll(CapturedOutput log) {
        assertThat(TestSite.closureAcrossTwoTokenExpiries(connector, simulator, "800004").status())
                .isEqualTo(WorkStatus.COMPLETED);
        assertThat(log.getOut())
                .contains("Ams/ServiceRequest/ByOtherSystemId with Unauthorized", "Ams/ServiceRequest/Search with Unauthorized");
    }

    @Test
    void theTokenCanGoInTheAuthorizationHeaderOnly() {
        CityworksConnectorProperties properties = TestSite.properties(port, "token-placement", "header");
        CityworksConnector v23 = new CityworksConnector(properties);

        // No token= field is sent in this mode, so each call succeeding shows the header was taken.
        ExternalRef ref = v23.push(TestSite.damagedTree("800006", TestSite.URBAN_FORESTRY));
        simulator.expireAllTokens();
        simulator.closeRequest(TestSite.requestId(ref), "Limb removed");

        assertThat(v23.pullUpdates(TestSite.aMinuteAgo()).updates()).extracting(WorkUpdate::ref).contains(ref);
    }

    @Test
    void aWrongPasswordIsAConnectorExceptionNamingTheLoginButNotThePassword() {
        CityworksConnectorProperties properties = TestSite.properties(port, "password", "hunter2-wrong");
        CityworksConnector refused = new CityworksConnector(properties);

        assertThatThrownBy(() -> refused.push(TestSite.damagedTree("800007", TestSite.URBAN_FORESTRY)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("'civic311'")
                .hasMessageContaining("civic311.connectors.cityworks.login-name")
                .hasMessageNotContaining("hunter2-wrong");
        assertThat(simulator.serviceRequestsCreated()).isZero();
    }

    @Test
    void thePasswordCanComeFromASecretFile(@TempDir Path secrets) throws IOException {
        Path file = Files.writeString(secrets.resolve("cityworks-password"), TestSite.PASSWORD + "\n");
        CityworksConnectorProperties properties = TestSite.properties(port, "password", "", "password-file", file.toString());

        ExternalRef ref = new CityworksConnector(properties).push(TestSite.damagedTree("800008", TestSite.URBAN_FORESTRY));

        assertThat(simulator.request(TestSite.requestId(ref))).isPresent();
    }

    @Test
    void aBaseUrlThatIsNoCityworksSiteIsAConnectorException() {
        CityworksConnectorProperties properties = TestSite.properties(port,
                "base-url", "http://localhost:" + port + "/not-cityworks");

        assertThatThrownBy(() -> new CityworksConnector(properties).push(TestSite.damagedTree("800009", TestSite.URBAN_FORESTRY)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void aSiteNobodyAnswersAtIsAConnectorException() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CityworksConnectorProperties properties = TestSite.properties(closedPort);

        assertThatThrownBy(() -> new CityworksConnector(properties).pullUpdates(TestSite.aMinuteAgo()).updates())
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("Cannot reach Cityworks");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aSiteThatNeverAnswersFailsThePushAfterTheReadTimeout() throws IOException {
        try (StalledServer stalled = new StalledServer()) {
            CityworksConnectorProperties properties = TestSite.properties(port, "base-url", stalled.url() + "/cityworks",
                    "connect-timeout", "1s", "read-timeout", "1s");

            assertThatThrownBy(() -> new CityworksConnector(properties).push(TestSite.damagedTree("800010", TestSite.URBAN_FORESTRY)))
                    .isInstanceOf(ConnectorException.class)
                    .isNotInstanceOf(ConnectorRefusal.class)
                    .hasMessageContaining("Cannot reach Cityworks")
                    .hasMessageContaining("read-timeout 1000ms");
            assertThat(stalled.connections()).isPositive();
        }
    }
}
