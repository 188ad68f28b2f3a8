package org.civic311.connectors.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.ConnectorRefusal;
import org.civic311.connectors.DepartmentConnector;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkOrder;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.WorkUpdate;
import org.junit.jupiter.api.Test;

/**
 * What every department connector promises the orchestrator, checked against the real system or its simulator.
 * A connector's test extends this class and says how to reach the system and how a clerk acts in it.
 */
public abstract class DepartmentConnectorContract {

    /** The connector, configured for the running system and for {@link #department()}. */
    protected abstract DepartmentConnector connector();

    /** The same connector with credentials the system refuses. */
    protected abstract DepartmentConnector connectorWithBadCredentials();

    /** A department the connector is configured for. */
    protected abstract String department();

    /** The request type pushed in these tests; the connector must be able to map it. */
    protected String serviceCode() {
        return "pothole";
    }

    /**
     * The system's own kind of work for {@link #serviceCode()}, as the routing rules name it: a Cityworks problem code
     * or template, an Accela record type; null for a system that has none (email), which then takes work without.
     */
    protected String workType() {
        return null;
    }

    /**
     * How many work items, records or emails the department's system holds for this task key, counted in the system
     * itself.
     */
    protected abstract int itemsFor(String taskKey) throws Exception;

    /** Plays the department clerk: marks the work item done in the system, with a resolution note. */
    protected abstract void departmentCompletes(ExternalRef item, String note) throws Exception;

    /**
     * The system's own actions and the status each must be reported as, e.g. "cancel the request" →
     * {@link WorkStatus#CANCELLED}. Each case gets a fresh work item. Include at least the completion.
     */
    protected abstract List<StatusCase> statusCases();

    /** One row of a connector's status table, acted out. */
    public record StatusCase(String what, ClerkAction action, WorkStatus expected) {
    }

    @FunctionalInterface
    public interface ClerkAction {
        void on(ExternalRef item) throws Exception;
    }

    @Test
    protected void pushCreatesAWorkItemInTheSystem() {
        ExternalRef item = connector().push(workOrder(newTaskId()));

        assertThat(item.system()).isEqualTo(connector().system());
        assertThat(item.id()).isNotBlank();
    }

    @Test
    protected void pushingTheSameTaskAgainFindsTheSameItem() throws Exception {
        WorkOrder order = workOrder(newTaskId());

        ExternalRef first = connector().push(order);
        ExternalRef again = connector().push(order);

        assertThat(again).isEqualTo(first);
        assertThat(itemsFor(order.taskKey())).as("items the department's system holds for the task").isEqualTo(1);
    }

    @Test
    protected void theDepartmentsCompletionIsPulledWithItsNote() throws Exception {
        Instant since = Instant.now().minus(1, ChronoUnit.MINUTES);
        ExternalRef item = connector().push(workOrder(newTaskId()));

        departmentCompletes(item, "Filled and compacted");

        WorkUpdate done = awaitUpdate(item, since, WorkStatus.COMPLETED);
        assertThat(done.note()).contains("Filled and compacted");
        assertThat(done.updateId()).isNotBlank();
    }

    /**
     * The orchestrator moves its watermark only after it has applied everything a poll returned. A completion
     * returned but not applied (the database was down, the node stopped mid-poll) is found again only because
     * the same window reports it again; and the same updateId is what makes it count once.
     */
    @Test
    protected void aCompletionIsReportedAgainForTheSameWindowWithTheSameUpdateId() throws Exception {
        Instant since = Instant.now().minus(1, ChronoUnit.MINUTES);
        ExternalRef item = connector().push(workOrder(newTaskId()));
        departmentCompletes(item, "Done");
        WorkUpdate first = awaitUpdate(item, since, WorkStatus.COMPLETED);

        List<WorkUpdate> completedAgain = forItem(connector().pullUpdates(since).updates(), item).stream()
                .filter(update -> update.status() == WorkStatus.COMPLETED)
                .toList();

        assertThat(completedAgain).as("completions reported again for the same window").isNotEmpty()
                .allSatisfy(again -> assertThat(again.updateId()).isEqualTo(first.updateId()));
    }

    @Test
    protected void eachStatusOfTheSystemIsReportedAsMapped() throws Exception {
        for (StatusCase row : statusCases()) {
            Instant since = Instant.now().minus(1, ChronoUnit.MINUTES);
            ExternalRef item = connector().push(workOrder(newTaskId()));

            row.action().on(item);

            assertThat(awaitUpdate(item, since, row.expected()).status()).as(row.what()).isEqualTo(row.expected());
        }
    }

    /**
     * A system with kinds of work refuses work routed without one, or with one the site does not know, at once and
     * creating nothing: a retry would fail the same way, so the orchestrator raises an incident a person can act on.
     */
    @Test
    protected void workWithoutAWorkTypeTheSystemKnowsIsRefusedWhereItNeedsOne() throws Exception {
        WorkOrder without = workOrder(newTaskId(), null);
        if (workType() == null) {
            assertThat(connector().push(without).id()).as("a system without kinds of work").isNotBlank();
            return;
        }
        WorkOrder unknownType = workOrder(newTaskId(), unknownWorkType());

        assertThatThrownBy(() -> connector().push(without)).isInstanceOf(ConnectorRefusal.class)
                .hasMessageContaining(department());
        assertThatThrownBy(() -> connector().push(unknownType)).isInstanceOf(ConnectorRefusal.class)
                .hasMessageContaining(unknownType.workType());
        assertThat(itemsFor(without.taskKey()) + itemsFor(unknownType.taskKey())).as("items created").isZero();
    }

    /** A work type of the right form that the site does not know. */
    protected String unknownWorkType() {
        return "NO SUCH WORK TYPE " + newTaskId();
    }

    @Test
    protected void refusedCredentialsAreAConnectorException() {
        assertThatThrownBy(() -> connectorWithBadCredentials().push(workOrder(newTaskId())))
                .isInstanceOf(ConnectorException.class);
    }

    // --- for subclasses -------------------------------------------------------------------------------------

    protected WorkOrder workOrder(String taskId) {
        return workOrder(taskId, workType());
    }

    protected WorkOrder workOrder(String taskId, String workType) {
        return new WorkOrder(taskId, "SR-2026-" + taskId.substring(Math.max(0, taskId.length() - 6)), serviceCode(),
                "Pothole", department(), "P3", workType, Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS),
                "Deep pothole in the bike lane",
                new WorkOrder.Location(41.8837, -87.6324, "121 N LaSalle St", null, "60602"),
                Map.of("hazard", List.of("yes")),
                new WorkOrder.Caller("Jane", "Resident", "jane@example.org", "312-555-0100"),
                null);
    }

    protected static String newTaskId() {
        return String.valueOf(100_000 + Math.abs(UUID.randomUUID().getMostSignificantBits() % 900_000));
    }

    /** Polls as the orchestrator does until the item shows the status; every update seen is kept. */
    protected WorkUpdate awaitUpdate(ExternalRef item, Instant since, WorkStatus status) {
        List<WorkUpdate> seen = new ArrayList<>();
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    seen.addAll(forItem(connector().pullUpdates(since).updates(), item));
                    return seen.stream().filter(u -> u.status() == status).findFirst().orElse(null);
                }, update -> update != null);
    }

    private static List<WorkUpdate> forItem(List<WorkUpdate> updates, ExternalRef item) {
        return updates.stream().filter(u -> u.ref().equals(item)).toList();
    }
}
