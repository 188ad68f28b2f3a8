package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every request type's BPMN file, walked through with its delegates replaced. */
@Deployment(resources = {"processes/pothole.bpmn", "processes/damaged_tree.bpmn", "processes/high_weeds.bpmn",
        "processes/department-work.bpmn"})
class RequestTypeProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml").build();

    private final List<String> calls = new ArrayList<>();
    private final Map<String, Object> closedWith = new HashMap<>();

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

    @ParameterizedTest
    @ValueSource(strings = {"pothole", "damaged_tree", "high_weeds"})
    void routesDispatchesWaitsForTheDepartmentThenClosesAndTellsTheResident(String requestType) {
        ProcessInstance request = startProcess(requestType);

        assertThat(request).hasPassed("Task_RouteRequest").isWaitingAt("Activity_DepartmentWork");
        ProcessInstance work = calledProcessInstance(request);
        assertThat(work).isWaitingAt("Task_DispatchToDepartment");

        execute(job(work));
        assertThat(work).isWaitingAt("Task_AwaitDepartment");
        assertThat(calls).containsExactly("route", "dispatch 42 for SR-2026-000001");

        departmentFinishes(42L, "COMPLETED", "Filled and compacted");

        assertThat(work).isEnded();
        assertThat(request).hasPassed("Task_CloseRequest").isWaitingAt("Task_NotifyResident");
        assertThat(closedWith).containsEntry(ProcessVariables.RESOLUTION, "Filled and compacted")
                .containsEntry(ProcessVariables.OUTCOME, "COMPLETED");

        execute(job(request));
        assertThat(request).hasPassed("Event_RequestClosed").isEnded();
        assertThat(calls).containsExactly("route", "dispatch 42 for SR-2026-000001", "close", "notify");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pothole", "damaged_tree", "high_weeds"})
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
        departmentFinishes(42L, "CANCELLED", "Duplicate of an earlier report");

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

    private static final long DAY = 24 * 60 * 60 * 1000L;

    /** What the update import does when a department reports its task done: the application's own correlation. */
    static void departmentFinishes(long taskId, String outcome, String resolution) {
        new WorkDoneCorrelation(runtimeService())
                .on(new DepartmentWorkDone(taskId, TaskStatus.valueOf(outcome), resolution));
    }
}
