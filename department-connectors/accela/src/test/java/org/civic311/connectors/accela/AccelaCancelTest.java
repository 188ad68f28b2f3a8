package org.civic311.connectors.accela;

import static org.assertj.core.api.Assertions.assertThat;

import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkStatus;
import org.civic311.simulators.accela.AccelaSimulator;
import org.civic311.simulators.accela.SimulatedRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Work Civic311 withdraws: the record gets the agency's cancel status and a comment saying why. */
@AccelaSimulatorTest
class AccelaCancelTest {

    @LocalServerPort
    int port;

    @Autowired
    AccelaSimulator accela;

    @Test
    void aCancelledTaskVoidsItsRecordWithTheReason() {
        AccelaConnector connector = new AccelaConnector(AccelaSettings.forSimulator(port, "cancel-status", "Void"));
        var since = WorkOrders.aMinuteAgo();
        ExternalRef item = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));

        assertThat(connector.cancel(item, "Sent to Streets instead")).isTrue();

        SimulatedRecord record = accela.findRecord(item.id()).orElseThrow();
        assertThat(record.status()).isEqualTo("Void");
        assertThat(record.comments()).containsExactly("Withdrawn by Civic311: Sent to Streets instead");
        assertThat(connector.pullUpdates(since).updates()).filteredOn(update -> update.ref().equals(item))
                .extracting(update -> update.status()).contains(WorkStatus.CANCELLED);
    }

    @Test
    void withoutACancelStatusNothingIsWithdrawn() {
        AccelaConnector connector = new AccelaConnector(AccelaSettings.forSimulator(port));
        ExternalRef item = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));

        assertThat(connector.cancel(item, "Sent to Streets instead")).isFalse();

        assertThat(accela.findRecord(item.id()).orElseThrow().status()).isEqualTo("Received");
    }
}
