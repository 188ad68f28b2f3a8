package org.civic311.connectors.accela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.ConnectorRefusal;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.KnownWorkItems;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.WorkUpdate;
import org.civic311.simulators.accela.AccelaSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Our tag lives in shortNotes, a field clerks and agency scripts may overwrite. The record id Accela gave at create,
 * which the orchestrator keeps with the task, is what a poll goes by; the tag only finds a record whose create answer
 * was lost, with a search of bounded size.
 */
@AccelaSimulatorTest
class AccelaEditedTagTest {

    @LocalServerPort
    int port;

    @Autowired
    AccelaSimulator accela;

    /** The ids the orchestrator stored when each push returned. */
    final Set<String> dispatched = ConcurrentHashMap.newKeySet();

    AccelaConnector connector;
    AccelaClerk clerk;

    @BeforeEach
    void connect() {
        KnownWorkItems orchestrator = (String system, Collection<String> ids) ->
                ids.stream().filter(dispatched::contains).collect(Collectors.toSet());
        connector = new AccelaConnector(AccelaSettings.forSimulator(port), orchestrator);
        clerk = new AccelaClerk(port);
    }

    @Test
    void aCompletionIsReportedAfterAClerkOverwroteOurTag() {
        var since = WorkOrders.aMinuteAgo();
        ExternalRef item = push();
        clerk.setShortNotes(item.id(), "Owner called twice - see comments");

        accela.completeWorkflowTask(item.id(), "Violation Corrected", "Owner mowed the lot");

        List<WorkUpdate> pulled = connector.pullUpdates(since).updates();
        assertThat(pulled).filteredOn(update -> update.ref().equals(item))
                .extracting(WorkUpdate::status).contains(WorkStatus.COMPLETED);
    }

    @Test
    void recordsClerksMadeThemselvesAreStillNotReported() {
        var since = WorkOrders.aMinuteAgo();
        String walkIn = clerk.createWalkIn(AccelaSettings.TALL_GRASS);
        ExternalRef ours = push();
        clerk.setShortNotes(ours.id(), "");

        accela.completeWorkflowTask(walkIn, "Violation Corrected", "Mowed");
        accela.completeWorkflowTask(ours.id(), "Violation Corrected", "Mowed");

        assertThat(connector.pullUpdates(since).updates()).extracting(update -> update.ref().id())
                .contains(ours.id()).doesNotContain(walkIn);
    }

    @Test
    void whenALooseSearchFillsItsPageWithOtherRecordsThePushIsRetriedAndCreatesNothing() {
        String taskKey = WorkOrders.newTaskId();
        looselyMatchingRecordsOpenedYesterday(taskKey);
        accela.matchShortNotesLoosely(true);
        try {
            int searchesBefore = accela.searchesServed();
            int createdBefore = accela.recordsCreated();

            assertThatThrownBy(() -> connector.push(WorkOrders.highWeeds(taskKey)))
                    .isInstanceOf(ConnectorException.class)
                    .isNotInstanceOf(ConnectorRefusal.class)
                    .hasMessageContaining("not known");

            assertThat(accela.searchesServed() - searchesBefore).as("search pages read").isEqualTo(1);
            assertThat(accela.recordsCreated() - createdBefore).as("records created").isZero();
        } finally {
            accela.matchShortNotesLoosely(false);
        }
    }

    @Test
    void aRecordWhoseCreateAnswerWasLostIsFoundNewestFirstAmongManyLooseMatches() {
        String taskKey = WorkOrders.newTaskId();
        looselyMatchingRecordsOpenedYesterday(taskKey);
        try {
            accela.loseNextResponses(1);
            assertThatThrownBy(() -> connector.push(WorkOrders.highWeeds(taskKey))).isInstanceOf(ConnectorException.class);
            int createdBefore = accela.recordsCreated();
            accela.matchShortNotesLoosely(true);

            ExternalRef ref = connector.push(WorkOrders.highWeeds(taskKey));

            assertThat(accela.recordsCreated() - createdBefore).as("records created by the retry").isZero();
            assertThat(accela.findRecord(ref.id()).orElseThrow().shortNotes()).isEqualTo(RecordTag.of(taskKey));
        } finally {
            accela.loseNextResponses(0);
            accela.matchShortNotesLoosely(false);
        }
    }

    /** More than a page of clerks' records whose short notes start with the task's tag, opened the day before. */
    private void looselyMatchingRecordsOpenedYesterday(String taskKey) {
        accela.setClockTo(Instant.now().minus(1, ChronoUnit.DAYS));
        try {
            for (int i = 0; i < AccelaConnector.TAG_SEARCH_LIMIT + 20; i++) {
                clerk.createWithShortNotes(AccelaSettings.TALL_GRASS, RecordTag.of(taskKey) + " follow-up " + i);
            }
        } finally {
            accela.setClockTo(null);
        }
    }

    private ExternalRef push() {
        ExternalRef ref = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));
        dispatched.add(ref.id());
        return ref;
    }
}
