package org.civic311.connectors.accela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.KnownWorkItems;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.WorkUpdate;
import org.civic311.simulators.accela.AccelaSimulator;
import org.civic311.simulators.accela.SimulatedRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the resident and the orchestrator hear back when the officer or a clerk acts on one of our records. */
@AccelaSimulatorTest
class AccelaConnectorPullTest {

    @LocalServerPort
    int port;

    @Autowired
    AccelaSimulator accela;

    AccelaConnector connector;

    @BeforeEach
    void connect() {
        connector = new AccelaConnector(AccelaSettings.forSimulator(port));
    }

    @Test
    void noViolationFoundClosesTheTaskWithTheOfficersWordsAndTheClosingTime() {
        Instant since = WorkOrders.aMinuteAgo();
        ExternalRef item = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));

        SimulatedRecord closed = accela.completeWorkflowTask(item.id(), "No Violation Found",
                "Grass measured under 8 inches; no violation");

        WorkUpdate update = awaitUpdate(item, since, WorkStatus.COMPLETED);
        assertThat(update.note()).isEqualTo("No Violation Found: Grass measured under 8 inches; no violation");
        assertThat(update.at()).isEqualTo(closed.closedDate().truncatedTo(ChronoUnit.SECONDS));
        assertThat(update.updateId()).isEqualTo(item.id() + ":CLOSED:" + agencyTime(closed.closedDate()));
    }

    @Test
    void violationCorrectedCompletesTheTaskWithTheOfficersWords() {
        Instant since = WorkOrders.aMinuteAgo();
        ExternalRef item = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));

        accela.completeWorkflowTask(item.id(), "Violation Corrected", "Owner mowed the lot after notice");

        assertThat(awaitUpdate(item, since, WorkStatus.COMPLETED).note())
                .isEqualTo("Violation Corrected: Owner mowed the lot after notice");
    }

    @Test
    void theSameClosingPolledTwiceIsTheSameUpdate() {
        Instant since = WorkOrders.aMinuteAgo();
        ExternalRef item = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));
        accela.completeWorkflowTask(item.id(), "Violation Corrected", "Mowed");
        WorkUpdate first = awaitUpdate(item, since, WorkStatus.COMPLETED);

        List<WorkUpdate> second = forItem(connector.pullUpdates(since).updates(), item);

        assertThat(second).containsExactly(first);
    }

    @Test
    void aStartedInvestigationIsInProgressAndItsClosingIsASeparateUpdate() {
        Instant since = WorkOrders.aMinuteAgo();
        ExternalRef item = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));

        accela.completeWorkflowTask(item.id(), "In Progress", "Inspection scheduled for Tuesday");
        WorkUpdate started = awaitUpdate(item, since, WorkStatus.IN_PROGRESS);
        accela.completeWorkflowTask(item.id(), "Violation Corrected", "Lot mowed");
        WorkUpdate done = awaitUpdate(item, since, WorkStatus.COMPLETED);

        assertThat(started.note()).isEqualTo("In Progress: Inspection scheduled for Tuesday");
        assertThat(done.note()).isEqualTo("Violation Corrected: Lot mowed");
        assertThat(done.updateId()).isNotEqualTo(started.updateId());
    }

    @Test
    void aVoidedRecordCancelsTheTaskWithTheClerksComment() {
        Instant since = WorkOrders.aMinuteAgo();
        ExternalRef item = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));
        AccelaClerk clerk = new AccelaClerk(port);
        // An earlier task status must not be taken for the reason of the void.
        accela.completeWorkflowTask(item.id(), "In Progress", "Inspection scheduled");
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        awaitUpdate(item, since, WorkStatus.IN_PROGRESS);
        clerk.comment(item.id(), "Duplicate of SR26-000001");
        // Accela's dates have whole seconds: a void within the same second as the task status could not be told
        // apart from a void the task caused, and a clerk is never that quick.
        await().until(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(started));
        clerk.setStatus(item.id(), "Void");

        WorkUpdate cancelled = awaitUpdate(item, since, WorkStatus.CANCELLED);

        // The clerk's comment is an internal remark: it comes as a staff comment, not as the closing words.
        assertThat(cancelled.note()).isEqualTo("Void");
        assertThat(cancelled.updateId()).startsWith(item.id() + ":VOID:");
        WorkUpdate comment = awaitUpdate(item, since, WorkStatus.COMMENT);
        assertThat(comment.note()).isEqualTo("Duplicate of SR26-000001");
        assertThat(comment.updateId()).startsWith(item.id() + ":comment:");
    }

    @Test
    void anAgencyThatStoresStatusDatesWithoutTheTimeOfDayStillHasItsClosingsFound() {
        accela.storeStatusDatesOnly(true);
        try {
            Instant since = WorkOrders.aMinuteAgo();
            ExternalRef item = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));

            SimulatedRecord closed = accela.completeWorkflowTask(item.id(), "Violation Corrected", "Mowed");

            assertThat(agencyTime(closed.closedDate())).endsWith("00:00:00");
            WorkUpdate update = awaitUpdate(item, since, WorkStatus.COMPLETED);
            assertThat(update.note()).isEqualTo("Violation Corrected: Mowed");
            assertThat(connector.pullUpdates(since).updates()).filteredOn(u -> u.ref().equals(item)).containsExactly(update);
        } finally {
            accela.storeStatusDatesOnly(false);
        }
    }

    @Test
    void recordsTheAgencyMadeItselfAreNotOurs() {
        Instant since = WorkOrders.aMinuteAgo();
        String walkIn = new AccelaClerk(port).createWalkIn(AccelaSettings.TALL_GRASS);
        ExternalRef ours = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));
        accela.completeWorkflowTask(walkIn, "Violation Corrected", "Mowed");
        accela.completeWorkflowTask(ours.id(), "Violation Corrected", "Mowed");

        awaitUpdate(ours, since, WorkStatus.COMPLETED);

        assertThat(connector.pullUpdates(since).updates()).extracting(update -> update.ref().id()).doesNotContain(walkIn);
    }

    @Test
    void everyPageOfResultsIsRead() {
        Instant since = WorkOrders.aMinuteAgo();
        List<ExternalRef> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ExternalRef item = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));
            accela.completeWorkflowTask(item.id(), "Violation Corrected", "Mowed " + i);
            items.add(item);
        }
        AccelaConnector twoPerPage = new AccelaConnector(AccelaSettings.forSimulator(port), KnownWorkItems.NONE, 2);

        List<WorkUpdate> updates = twoPerPage.pullUpdates(since).updates();

        assertThat(updates).extracting(WorkUpdate::ref).containsAll(items);
        assertThat(updates).extracting(WorkUpdate::updateId).doesNotHaveDuplicates();
    }

    @Test
    void aConnectorThatTakesTheAgencyForUtcMissesTheUpdatesSoTheTimeZoneMatters() {
        Instant since = WorkOrders.aMinuteAgo();
        ExternalRef item = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));
        // Dated to the second: a whole quarter hour could be some zone's midnight, which every poll reads again.
        accela.setClockTo(Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(17));
        try {
            accela.completeWorkflowTask(item.id(), "Violation Corrected", "Mowed");
        } finally {
            accela.setClockTo(null);
        }
        awaitUpdate(item, since, WorkStatus.COMPLETED);
        AccelaConnectorProperties wrongZone = AccelaSettings.forSimulator(port, "zone", "UTC");

        assertThat(forItem(new AccelaConnector(wrongZone).pullUpdates(since).updates(), item)).isEmpty();
    }

    private WorkUpdate awaitUpdate(ExternalRef item, Instant since, WorkStatus status) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> forItem(connector.pullUpdates(since).updates(), item).stream()
                        .filter(update -> update.status() == status).findFirst().orElse(null), update -> update != null);
    }

    private static List<WorkUpdate> forItem(List<WorkUpdate> updates, ExternalRef item) {
        return updates.stream().filter(update -> update.ref().equals(item)).toList();
    }

    private static String agencyTime(Instant instant) {
        return new AgencyTime(AccelaSettings.AGENCY_ZONE).format(instant);
    }
}
