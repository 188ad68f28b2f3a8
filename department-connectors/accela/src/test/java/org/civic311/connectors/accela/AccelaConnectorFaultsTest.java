package org.civic311.connectors.accela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkOrder;
import org.civic311.connectors.tck.StalledServer;
import org.civic311.simulators.accela.AccelaSimulator;
import org.civic311.simulators.accela.SimulatedRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an operator sees when Accela is down, loses an answer, lets tokens expire, or refuses our credentials:
 * a ConnectorException the engine retries, and never a second record for one task.
 */
@AccelaSimulatorTest
@ExtendWith(OutputCaptureExtension.class)
class AccelaConnectorFaultsTest {

    @LocalServerPort
    int port;

    @Autowired
    AccelaSimulator accela;

    AccelaConnector connector;

    @BeforeEach
    void connect() {
        connector = new AccelaConnector(AccelaSettings.forSimulator(port));
    }

    @AfterEach
    void healAccela() {
        accela.comeBack();
        accela.loseNextResponses(0);
    }

    @Test
    void whileAccelaIsDownAPushFailsAndOnceBackOnePushMakesOneRecord() {
        String taskId = WorkOrders.newTaskId();
        WorkOrder order = WorkOrders.highWeeds(taskId);
        int before = accela.recordsCreated();
        accela.goDown();

        assertThatThrownBy(() -> connector.push(order))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("Service Temporarily Unavailable");

        accela.comeBack();
        ExternalRef ref = connector.push(order);

        assertThat(recordsTagged(taskId)).extracting(SimulatedRecord::id).containsExactly(ref.id());
        assertThat(accela.recordsCreated()).isEqualTo(before + 1);
    }

    @Test
    void aLostCreateResponseFailsThePushAndTheRetryReturnsTheSameRecord() {
        String taskId = WorkOrders.newTaskId();
        WorkOrder order = WorkOrders.highWeeds(taskId);
        accela.loseNextResponses(1);

        assertThatThrownBy(() -> connector.push(order))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("HTTP 502");
        assertThat(accela.responsesLost()).isPositive();

        ExternalRef ref = connector.push(order);

        List<SimulatedRecord> tagged = recordsTagged(taskId);
        assertThat(tagged).extracting(SimulatedRecord::id).containsExactly(ref.id());
        assertThat(tagged.get(0).customForms().get("CIVIC311-INTAKE"))
                .as("the retry also wrote the custom form the lost attempt never reached")
                .containsEntry("Civic311 Task ID", taskId);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedWithoutFailingTheCall(CapturedOutput output) {
        connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));
        accela.expireAccessTokens();

        ExternalRef ref = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));

        assertThat(accela.findRecord(ref.id())).isPresent();
        assertThat(output).contains("Accela access token expired; refreshed it");
        assertThat(output).doesNotContain("logged in again");
    }

    @Test
    void whenTheRefreshTokenHasExpiredTooTheConnectorLogsInAgainWithoutFailingTheCall(CapturedOutput output) {
        connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));
        accela.expireAllTokens();

        assertThat(connector.pullUpdates(WorkOrders.aMinuteAgo()).updates()).isNotNull();
        assertThat(output).contains("Accela tokens expired; logged in again as demo");
    }

    @Test
    void aWrongAppSecretIsAConnectorExceptionNamingTheSetting() {
        AccelaConnectorProperties properties = AccelaSettings.forSimulator(port, "app-secret", "not-the-secret");

        assertThatThrownBy(() -> new AccelaConnector(properties).push(WorkOrders.highWeeds(WorkOrders.newTaskId())))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("invalid_client")
                .hasMessageContaining("civic311.connectors.accela.app-secret");
    }

    @Test
    void aWrongPasswordIsAConnectorExceptionNamingTheSetting() {
        AccelaConnectorProperties properties = AccelaSettings.forSimulator(port, "password", "not-the-password");

        assertThatThrownBy(() -> new AccelaConnector(properties).pullUpdates(WorkOrders.aMinuteAgo()).updates())
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("invalid_grant")
                .hasMessageContaining("Invalid username or password")
                .hasMessageContaining("civic311.connectors.accela.password");
    }

    @Test
    void aWrongEnvironmentIsAConnectorExceptionNamingTheSetting() {
        AccelaConnectorProperties properties = AccelaSettings.forSimulator(port, "environment", "PROD");

        assertThatThrownBy(() -> new AccelaConnector(properties).pullUpdates(WorkOrders.aMinuteAgo()).updates())
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("invalid_request")
                .hasMessageContaining("civic311.connectors.accela.environment");
    }

    @Test
    void anUnreachableAccelaIsAConnectorException() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AccelaConnectorProperties properties = AccelaSettings.forSimulator(closedPort);

        assertThatThrownBy(() -> new AccelaConnector(properties).push(WorkOrders.highWeeds(WorkOrders.newTaskId())))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("Could not reach Accela's token endpoint at http://localhost:" + closedPort)
                .hasMessageContaining("ConnectException");
    }

    @Test
    void aRefusedCallCarriesAccelasCodeMessageAndTraceId() {
        AccelaConnectorProperties properties = AccelaSettings.forSimulator(port);

        assertThatThrownBy(() -> new AccelaConnector(properties).push(WorkOrders.highWeeds(WorkOrders.newTaskId(),
                AccelaSettings.HIGH_WEEDS, WorkOrder.Caller.ANONYMOUS, "ServiceRequest/Trees and Weeds/Poison Ivy/NA")))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("Accela could not create a record: HTTP 400 data_validation_error: Invalid record type")
                .hasMessageContaining("Configured record types")
                .hasMessageMatching("(?s).*\\[traceId \\d{15}-[0-9a-f]{8}\\].*");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aTokenEndpointThatNeverAnswersFailsThePushAfterTheReadTimeout() throws IOException {
        try (StalledServer stalled = new StalledServer()) {
            AccelaConnectorProperties properties = AccelaSettings.forSimulator(port, "auth-url", stalled.url(),
                    "connect-timeout", "1s", "read-timeout", "1s");

            assertThatThrownBy(() -> new AccelaConnector(properties).push(WorkOrders.highWeeds(WorkOrders.newTaskId())))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("Could not reach Accela's token endpoint at " + stalled.url())
                    .hasMessageContaining("read-timeout 1000ms");
            assertThat(stalled.connections()).isPositive();
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anApiThatNeverAnswersFailsThePollAfterTheReadTimeout() throws IOException {
        try (StalledServer stalled = new StalledServer()) {
            AccelaConnectorProperties properties = AccelaSettings.forSimulator(port, "api-url", stalled.url(),
                    "connect-timeout", "1s", "read-timeout", "1s");

            assertThatThrownBy(() -> new AccelaConnector(properties).pullUpdates(WorkOrders.aMinuteAgo()))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("Could not reach Accela at " + stalled.url())
                    .hasMessageContaining("read-timeout 1000ms");
            assertThat(stalled.connections()).isPositive();
        }
    }

    private List<SimulatedRecord> recordsTagged(String taskId) {
        return accela.records().stream().filter(record -> ("civic311-task-" + taskId).equals(record.shortNotes())).toList();
    }
}
