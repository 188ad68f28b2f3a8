package org.civic311.connectors.accela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.ConnectorRefusal;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkOrder;
import org.civic311.simulators.accela.AccelaSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Refusals a retry would meet again are {@link ConnectorRefusal}s, with Accela's own words, so the orchestrator raises
 * an incident at once; outages stay plain {@link ConnectorException}s, which it retries.
 */
@AccelaSimulatorTest
class AccelaRefusalsTest {

    @LocalServerPort
    int port;

    @Autowired
    AccelaSimulator accela;

    @AfterEach
    void healAccela() {
        accela.commentsFailWith(null);
        accela.agencyScriptRejectsNewRecords(null);
        accela.comeBack();
    }

    @Test
    void anAgencyScriptRejectingTheRecordIsARefusalWithItsMessageAndNothingIsCreated() {
        AccelaConnector connector = new AccelaConnector(AccelaSettings.forSimulator(port));
        WorkOrder order = WorkOrders.highWeeds(WorkOrders.newTaskId());
        int before = accela.recordsCreated();
        accela.agencyScriptRejectsNewRecords("A parcel number is required for Tall Grass and Weeds.");

        assertThatThrownBy(() -> connector.push(order))
                .isInstanceOf(ConnectorRefusal.class)
                .hasMessageContaining("HTTP 500 emse_error")
                .hasMessageContaining("A parcel number is required for Tall Grass and Weeds.");
        assertThat(accela.recordsCreated()).isEqualTo(before);

        // The agency fixes its script; the retry a person starts goes through.
        accela.agencyScriptRejectsNewRecords(null);
        ExternalRef ref = connector.push(order);
        assertThat(accela.findRecord(ref.id())).isPresent();
    }

    @Test
    void aValueTheAgencyDoesNotHaveIsARefusalNamingIt() {
        AccelaConnector connector = new AccelaConnector(AccelaSettings.forSimulator(port, "priorities.P3", "Urgent"));

        assertThatThrownBy(() -> connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId())))
                .isInstanceOf(ConnectorRefusal.class)
                .hasMessageContaining("HTTP 400 data_validation_error")
                .hasMessageContaining("Urgent");
    }

    @Test
    void anOutageIsNoRefusal() {
        AccelaConnector connector = new AccelaConnector(AccelaSettings.forSimulator(port));
        accela.goDown();

        assertThatThrownBy(() -> connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId())))
                .isInstanceOf(ConnectorException.class)
                .isNotInstanceOf(ConnectorRefusal.class);
    }

    @Test
    void refusedCredentialsAreRetriedNotRefusals() {
        AccelaConnector connector = new AccelaConnector(AccelaSettings.forSimulator(port, "password", "wrong"));

        assertThatThrownBy(() -> connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId())))
                .isInstanceOf(ConnectorException.class)
                .isNotInstanceOf(ConnectorRefusal.class);
    }

    @Test
    void aRightTheAppLacksIsARefusalNamingIt() {
        // A token without the records scope: Accela answers every record call 403 forbidden until it is granted.
        AccelaConnector connector = new AccelaConnector(AccelaSettings.forSimulator(port, "scope", "inspections"));

        assertThatThrownBy(() -> connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId())))
                .isInstanceOf(ConnectorRefusal.class)
                .hasMessageContaining("HTTP 403 forbidden")
                .hasMessageContaining("scope");
    }

    @Test
    void aCommentTheAgencyFailsTransientlyIsRetriedAndOneItRefusesIsARefusal() {
        AccelaConnector connector = new AccelaConnector(AccelaSettings.forSimulator(port, "cancel-status", "Void"));
        ExternalRef ref = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));

        accela.commentsFailWith("internal_error");
        assertThatThrownBy(() -> connector.cancel(ref, "Duplicate report"))
                .isInstanceOf(ConnectorException.class)
                .isNotInstanceOf(ConnectorRefusal.class)
                .hasMessageContaining("internal_error");

        accela.commentsFailWith("data_validation_error");
        assertThatThrownBy(() -> connector.cancel(ref, "Duplicate report"))
                .isInstanceOf(ConnectorRefusal.class)
                .hasMessageContaining("data_validation_error");
    }
}
