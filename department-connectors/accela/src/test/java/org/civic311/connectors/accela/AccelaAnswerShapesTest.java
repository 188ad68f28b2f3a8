package org.civic311.connectors.accela;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.WorkUpdate;
import org.civic311.simulators.accela.AccelaSimulator;
import org.civic311.simulators.accela.AnswerShapes.DateShape;
import org.civic311.simulators.accela.AnswerShapes.StatusTypeShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Records in each shape Accela documents, read alike: statusType as a string, an array or not at all, and dates as
 * agency-local date-times, bare days or UTC instants, with status dates that carry only the day.
 */
@AccelaSimulatorTest
class AccelaAnswerShapesTest {

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
    void usualShapes() {
        accela.answerStatusTypeAs(StatusTypeShape.STRING);
        accela.answerDatesAs(DateShape.LOCAL);
        accela.storeStatusDatesOnly(false);
    }

    @ParameterizedTest
    @EnumSource(StatusTypeShape.class)
    void closingCompletingVoidingAndStartingAreReadWhateverShapeTheStatusTypeComesIn(StatusTypeShape shape) {
        accela.answerStatusTypeAs(shape);
        Instant since = WorkOrders.aMinuteAgo();
        ExternalRef closed = push();
        ExternalRef completed = push();
        ExternalRef voided = push();
        ExternalRef started = push();

        accela.completeWorkflowTask(closed.id(), "No Violation Found", "Grass under 8 inches");
        accela.completeWorkflowTask(completed.id(), "Violation Corrected", "Owner mowed");
        new AccelaClerk(port).setStatus(voided.id(), "Void");
        accela.completeWorkflowTask(started.id(), "In Progress", "Inspection Tuesday");

        List<WorkUpdate> pulled = connector.pullUpdates(since).updates();
        assertThat(statusOf(pulled, closed)).as("closed").isEqualTo(WorkStatus.COMPLETED);
        assertThat(statusOf(pulled, completed)).as("completed").isEqualTo(WorkStatus.COMPLETED);
        assertThat(statusOf(pulled, voided)).as("voided").isEqualTo(WorkStatus.CANCELLED);
        assertThat(statusOf(pulled, started)).as("started").isEqualTo(WorkStatus.IN_PROGRESS);
    }

    @ParameterizedTest
    @EnumSource(DateShape.class)
    void aCompletionDatedToTheAgencysDayIsReadByAPollFromLaterThatDay(DateShape shape) {
        accela.answerDatesAs(shape);
        accela.storeStatusDatesOnly(true);
        ExternalRef item = push();

        accela.completeWorkflowTask(item.id(), "Violation Corrected", "Owner mowed");

        assertThat(statusOf(connector.pullUpdates(Instant.now()).updates(), item)).isEqualTo(WorkStatus.COMPLETED);
    }

    @ParameterizedTest
    @EnumSource(DateShape.class)
    void aCompletionDatedToMidnightOnTheAgencyServersCoastIsReadByAPollFromLaterThatDay(DateShape shape) {
        accela.answerDatesAs(shape);
        // The agency is in Chicago; its server keeps days as midnight on the west coast, or in UTC.
        for (ZoneId server : List.of(ZoneId.of("America/Los_Angeles"), ZoneId.of("UTC"))) {
            accela.storeStatusDaysAtMidnightIn(server);
            ExternalRef item = push();

            accela.completeWorkflowTask(item.id(), "Violation Corrected", "Owner mowed");

            assertThat(statusOf(connector.pullUpdates(Instant.now()).updates(), item)).as(server.getId())
                    .isEqualTo(WorkStatus.COMPLETED);
        }
    }

    @ParameterizedTest
    @EnumSource(DateShape.class)
    void theSameCompletionReadAgainHasTheSameUpdateId(DateShape shape) {
        accela.answerDatesAs(shape);
        accela.storeStatusDatesOnly(true);
        ExternalRef item = push();
        accela.completeWorkflowTask(item.id(), "Violation Corrected", "Owner mowed");

        String first = completion(connector.pullUpdates(Instant.now()).updates(), item).updateId();
        String again = completion(connector.pullUpdates(Instant.now()).updates(), item).updateId();

        assertThat(again).isEqualTo(first);
    }

    private ExternalRef push() {
        return connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));
    }

    private static WorkStatus statusOf(List<WorkUpdate> updates, ExternalRef item) {
        return updates.stream().filter(update -> update.ref().equals(item))
                .filter(update -> update.status() != WorkStatus.COMMENT)
                .map(WorkUpdate::status).findFirst().orElse(null);
    }

    private static WorkUpdate completion(List<WorkUpdate> updates, ExternalRef item) {
        return updates.stream().filter(update -> update.ref().equals(item) && update.status() == WorkStatus.COMPLETED)
                .findFirst().orElseThrow();
    }
}
