package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.civic311.orchestrator.dispatch.DepartmentWorkDone;
import org.civic311.orchestrator.dispatch.TaskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every request type's BPMN file, walked through with its delegates replaced: its own steps, then the shared
 * department work, the closure and the resident's notice.
 */
@Deployment(resources = {"processes/pothole.bpmn", "processes/damaged_tree.bpmn", "processes/high_weeds.bpmn",
        "processes/missed_collection.bpmn", "processes/damaged_cart.bpmn", "processes/street_light_out.bpmn",
        "processes/graffiti.bpmn", "processes/abandoned_vehicle.bpmn", "processes/illegal_parking.bpmn",
        "processes/traffic_signal_sign.bpmn", "processes/dead_animal.bpmn", "processes/illegal_dumping.bpmn",
        "processes/bulky_item.bpmn", "processes/department-work.bpmn"})
class RequestTypeProcessTest {

    /** The catalogue: every request type in processes/. */
    static final List<String> REQUEST_TYPES = List.of("pothole", "damaged_tree", "high_weeds", "missed_collection",
            "damaged_cart", "street_light_out", "graffiti", "abandoned_vehicle", "illegal_parking",
            "traffic_signal_sign", "dead_animal", "illegal_dumping", "bulky_item");

    /** The processes every request type shares, which are no request type of their own. */
    static final Set<String> SHARED = Set.of("department-work", "resident-follow-up", "department-withdrawal");

    private static final long DAY = 24 * 60 * 60 * 1000L;
    private static final Date COLLECTION_DAY = new Date(System.currentTimeMillis() + 6 * DAY);

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml").build();

    private final List<String> calls = new ArrayList<>();
    private final Map<String, Object> closedWith = new HashMap<>();
    private boolean stillOpenAfterTagging = true;

    @BeforeEach
    void mockDelegates() {
        // Explicitly: the Spring tests of the same run leave their engines registered too, so the lookup of
        // "the one engine" is unreliable.
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("routeRequest", (JavaDelegate) execution -> {
            calls.add("route");
            execution.setVariable(ProcessVariables.DEPARTMENT_TASK_ID, 42L);
            execution.setVariable(ProcessVariables.DEPARTMENT, "streets");
            execution.setVariable(ProcessVariables.SYSTEM, "email");
            execution.getProcessInstance().setVariables(serviceLevel());
        });
        Mocks.register("agreeCollectionDate", (JavaDelegate) execution -> {
            calls.add("agree collection day for task " + execution.getVariable(ProcessVariables.DEPARTMENT_TASK_ID));
            execution.setVariable(ProcessVariables.SLA_DUE_AT, COLLECTION_DAY);
        });
        Mocks.register("tagVehicle", (JavaDelegate) execution -> {
            calls.add("tag for " + execution.getVariableLocal(ProcessVariables.TAGGING_PERIOD));
            execution.getProcessInstance().setVariable(ProcessVariables.TOW_AFTER,
                    new Date(System.currentTimeMillis() + 3 * DAY));
        });
        Mocks.register("checkRequestOpen", (JavaDelegate) execution -> {
            calls.add("still open?");
            execution.getProcessInstance().setVariable(ProcessVariables.REQUEST_OPEN, stillOpenAfterTagging);
        });
        Mocks.register("dispatchTask", (JavaDelegate) execution -> {
            calls.add("dispatch " + execution.getVariable(ProcessVariables.DEPARTMENT_TASK_ID)
                    + " for " + execution.getProcessBusinessKey());
        });
        Mocks.register("closeRequest", (JavaDelegate) execution -> {
            calls.add("close");
            closedWith.put(ProcessVariables.RESOLUTION, execution.getVariable(ProcessVariables.RESOLUTION));
            closedWith.put(ProcessVariables.OUTCOME, execution.getVariable(ProcessVariables.OUTCOME));
        });
        Mocks.register("notifyResident", (JavaDelegate) execution -> calls.add("notify"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void theCatalogueIsEveryRequestTypeInProcessesAndEachIsWalkedHere() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../processes"))) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".bpmn"))
                    .map(name -> name.substring(0, name.length() - ".bpmn".length()))
                    .filter(key -> !SHARED.contains(key)))
                    .containsExactlyInAnyOrderElementsOf(REQUEST_TYPES);
        }
        assertThat(REQUEST_TYPES).hasSizeGreaterThanOrEqualTo(12);
    }

    @ParameterizedTest
    @FieldSource("REQUEST_TYPES")
    void routesDispatchesWaitsForTheDepartmentThenClosesAndTellsTheResident(String requestType) {
        ProcessInstance request = startProcess(requestType);
        List<String> ownSteps = passOwnSteps(requestType, request);

        assertThat(request).hasPassed("Task_RouteRequest").isWaitingAt("Activity_DepartmentWork");
        ProcessInstance work = calledProcessInstance(request);
        assertThat(work).isWaitingAt("Task_DispatchToDepartment");

        execute(job(work));
        assertThat(work).isWaitingAt("Task_AwaitDepartment");
        List<String> expected = new ArrayList<>(List.of("route"));
        expected.addAll(ownSteps);
        expected.add("dispatch 42 for SR-2026-000001");
        assertThat(calls).containsExactlyElementsOf(expected);

        departmentFinishes(42L, "SR-2026-000001", "COMPLETED", "Filled and compacted");

        assertThat(work).isEnded();
        assertThat(request).hasPassed("Task_CloseRequest").isWaitingAt("Task_NotifyResident");
        assertThat(closedWith).containsEntry(ProcessVariables.RESOLUTION, "Filled and compacted")
                .containsEntry(ProcessVariables.OUTCOME, "COMPLETED");

        execute(job(request));
        assertThat(request).hasPassed("Event_RequestClosed").isEnded();
        expected.addAll(List.of("close", "notify"));
        assertThat(calls).containsExactlyElementsOf(expected);
    }

    /** A request type's steps between routing and the department work; the calls they make. */
    private List<String> passOwnSteps(String requestType, ProcessInstance request) {
        return switch (requestType) {
            case "bulky_item" -> List.of("agree collection day for task 42");
            case "abandoned_vehicle" -> {
                assertThat(request).isWaitingAt("Event_TaggingPeriodOver");
                execute(job(request));
                yield List.of("tag for P3D", "still open?");
            }
            default -> List.of();
        };
    }

    @Test
    void aBulkyItemPickupIsDueOnTheAgreedCollectionDayBeforeTheCrewIsSent() {
        ProcessInstance request = startProcess("bulky_item");

        assertThat(request).hasPassedInOrder("Task_RouteRequest", "Task_AgreeCollectionDate")
                .isWaitingAt("Activity_DepartmentWork");
        ProcessInstance work = calledProcessInstance(request);
        assertThat(work).variables().containsEntry(ProcessVariables.SLA_DUE_AT, COLLECTION_DAY);
        assertThat(calls).containsExactly("route", "agree collection day for task 42");
    }

    @Test
    void anAbandonedVehicleIsTaggedAndTowedOnlyWhenTheTaggingPeriodIsOver() {
        ProcessInstance request = startProcess("abandoned_vehicle");

        assertThat(request).hasPassedInOrder("Task_RouteRequest", "Task_TagVehicle")
                .isWaitingAt("Event_TaggingPeriodOver").hasNotPassed("Activity_DepartmentWork");
        assertThat(job(request).getDuedate()).isEqualTo((Date) runtimeService()
                .getVariable(request.getId(), ProcessVariables.TOW_AFTER));
        assertThat(calls).containsExactly("route", "tag for P3D");

        execute(job(request));

        assertThat(request).hasPassed("Task_CheckStillOpen").isWaitingAt("Activity_DepartmentWork");
        assertThat(calledProcessInstance(request)).isWaitingAt("Task_DispatchToDepartment");
    }

    @Test
    void aVehicleWhoseRequestWasClosedDuringTheTaggingPeriodIsNotTowed() {
        stillOpenAfterTagging = false;
        ProcessInstance request = startProcess("abandoned_vehicle");

        execute(job(request));

        assertThat(request).hasPassed("Event_ClosedWithoutTow").isEnded().hasNotPassed("Activity_DepartmentWork",
                "Task_CloseRequest", "Task_NotifyResident");
        assertThat(calls).containsExactly("route", "tag for P3D", "still open?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pothole", "damaged_tree", "high_weeds", "missed_collection", "damaged_cart",
            "street_light_out", "graffiti", "illegal_parking", "traffic_signal_sign", "dead_animal", "illegal_dumping"})
    void theDepartmentWorkGetsOnlyWhatItReadsAndHandsBackOnlyItsResult(String requestType) {
        ProcessInstance request = runtimeService().startProcessInstanceByKey(requestType, "SR-2026-000001",
                Map.of(ProcessVariables.REQUEST_ID, 1L, "hazard", "yes", "size", "large"));
        ProcessInstance work = calledProcessInstance(request);

        // Every variable copied is stored again, and again in history, for every request.
        assertThat(runtimeService().getVariables(work.getId())).containsOnlyKeys(ProcessVariables.REQUEST_ID,
                ProcessVariables.DEPARTMENT_TASK_ID, ProcessVariables.DEPARTMENT, ProcessVariables.SYSTEM,
                ProcessVariables.SLA_WARN_AT, ProcessVariables.SLA_DUE_AT, ProcessVariables.SLA_SECOND_LEVEL_AT,
                ProcessVariables.SUPERVISOR_GROUP, ProcessVariables.SECOND_LEVEL_GROUP);
        execute(job(work));
        runtimeService().setVariable(work.getId(), "somethingOnlyTheWorkNeeds", "x");
        departmentFinishes(42L, "SR-2026-000001", "CANCELLED", "Duplicate of an earlier report");

        assertThat(closedWith).containsEntry(ProcessVariables.RESOLUTION, "Duplicate of an earlier report")
                .containsEntry(ProcessVariables.OUTCOME, "CANCELLED");
        assertThat(runtimeService().getVariables(request.getId()))
                .containsEntry(ProcessVariables.DEPARTMENT_TASK_ID, 42L)
                .doesNotContainKey("somethingOnlyTheWorkNeeds");
    }

    private ProcessInstance startProcess(String requestType) {
        return runtimeService().startProcessInstanceByKey(requestType, "SR-2026-000001",
                Map.of(ProcessVariables.REQUEST_ID, 1L));
    }

    /** Routing's service-level variables, with the due time a week away. */
    static Map<String, Object> serviceLevel() {
        Date now = new Date();
        return Map.of(ProcessVariables.SLA_WARN_AT, new Date(now.getTime() + 5 * DAY),
                ProcessVariables.SLA_DUE_AT, new Date(now.getTime() + 7 * DAY),
                ProcessVariables.SLA_SECOND_LEVEL_AT, new Date(now.getTime() + 8 * DAY),
                ProcessVariables.SUPERVISOR_GROUP, "supervisors-streets",
                ProcessVariables.SECOND_LEVEL_GROUP, "directors");
    }


    /** What the update import does when a department reports its task done: the application's own correlation. */
    static void departmentFinishes(long taskId, String trackingNumber, String outcome, String resolution) {
        new WorkDoneCorrelation(runtimeService())
                .on(new DepartmentWorkDone(taskId, trackingNumber, TaskStatus.valueOf(outcome), resolution));
    }
}
