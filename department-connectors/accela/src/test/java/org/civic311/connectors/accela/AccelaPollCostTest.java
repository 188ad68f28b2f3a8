package org.civic311.connectors.accela;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.KnownWorkItems;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.WorkUpdate;
import org.civic311.simulators.accela.AccelaSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a poll costs the agency, which throttles an app that calls too much: the records it pages through and the
 * calls it makes for each.
 */
@AccelaSimulatorTest
class AccelaPollCostTest {

    static final int PAGE_SIZE = 10;

    @LocalServerPort
    int port;

    @Autowired
    AccelaSimulator accela;

    @BeforeEach
    void emptyAgency() {
        accela.reset();
    }

    @AfterEach
    void usualAgency() {
        accela.reset();
    }

    @Test
    void anAgencyThatSendsStatusTypesIsAskedOnlyForRecordsWhoseStatusMeansSomething() {
        AccelaConnector connector = new AccelaConnector(
                AccelaSettings.forSimulator(port, "in-progress-statuses", ""), KnownWorkItems.NONE, PAGE_SIZE);
        Instant since = WorkOrders.aMinuteAgo();
        AccelaClerk clerk = new AccelaClerk(port);
        for (int i = 0; i < 3 * PAGE_SIZE; i++) {
            clerk.createWalkIn(AccelaSettings.TALL_GRASS);
        }
        ExternalRef item = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));
        accela.completeWorkflowTask(item.id(), "Violation Corrected", "Mowed");
        int searchesBefore = accela.searchesServed();

        List<WorkUpdate> pulled = connector.pullUpdates(since).updates();

        assertThat(pulled).extracting(WorkUpdate::status).containsExactly(WorkStatus.COMPLETED);
        assertThat(accela.searchesServed() - searchesBefore).as("search pages read, open walk-ins not among them")
                .isEqualTo(1);
    }

    @Test
    void aChangeDatedToADayIsReadAgainByEachPollWithoutAskingForItsWorkflowAndCommentsAgain() {
        accela.storeStatusDatesOnly(true);
        AccelaConnector connector = new AccelaConnector(AccelaSettings.forSimulator(port));
        Instant since = WorkOrders.aMinuteAgo();
        ExternalRef item = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));
        accela.completeWorkflowTask(item.id(), "Violation Corrected", "Owner mowed the lot");
        List<WorkUpdate> first = connector.pullUpdates(since).updates();
        int detailsRead = accela.recordDetailsReads();

        List<WorkUpdate> again = connector.pullUpdates(Instant.now()).updates();

        assertThat(first).extracting(WorkUpdate::status).contains(WorkStatus.COMPLETED);
        assertThat(again).as("the day-dated change, read again").isEqualTo(first);
        assertThat(accela.recordDetailsReads()).as("workflow and comment reads").isEqualTo(detailsRead);
    }
}
