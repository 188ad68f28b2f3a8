package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.civic311.orchestrator.notification.ResidentSaysNotFixed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** processes/resident-follow-up.bpmn: what a resident's NO to "was it fixed?" sets going. */
@Deployment(resources = {"processes/resident-follow-up.bpmn", "processes/department-work.bpmn"})
class FollowUpProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml").build();

    private final List<String> calls = new ArrayList<>();
    private final Map<String, Object> closedWith = new HashMap<>();

    @BeforeEach
    void mockDelegates() {
        // Explicitly: the Spring tests of the same run leave their engines registered too.
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("reopenRequest", (JavaDelegate) execution -> {
            calls.add("reopen after task " + execution.getVariable(ProcessVariables.DEPARTMENT_TASK_ID));
            execution.setVariables(RequestTypeProcessTest.serviceLevel());
            execution.setVariable(ProcessVariables.DEPARTMENT_TASK_ID, 43L);
        });
        Mocks.register("dispatchTask", (JavaDelegate) execution -> calls.add("dispatch "
                + execution.getVariable(ProcessVariables.DEPARTMENT_TASK_ID) + " for " + execution.getProcessBusinessKey()));
        Mocks.register("closeRequest", (JavaDelegate) execution -> {
            calls.add("close");
            closedWith.put(ProcessVariables.RESOLUTION, execution.getVariable(ProcessVariables.RESOLUTION));
        });
        Mocks.register("notifyResident", (JavaDelegate) execution ->
                calls.add("notify after round " + execution.getVariable(ProcessVariables.FOLLOW_UP_ROUND)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void noReopensTheDepartmentWorksAgainAndTheNextClosureIsTold() {
        ProcessInstance followUp = residentSaysNotFixed();

        // Reopening is a job of its own: the answer was stored and the page answered, whatever happens next.
        assertThat(followUp).isWaitingAt("Task_ReopenRequest");
        assertThat(calls).isEmpty();
        execute(job(followUp));
        assertThat(followUp).isWaitingAt("Activity_DepartmentWork");
        ProcessInstance work = calledProcessInstance(followUp);
        execute(job(work));
        assertThat(work).isWaitingAt("Task_AwaitDepartment");
        assertThat(calls).containsExactly("reopen after task 42", "dispatch 43 for SR-2026-000001");

        RequestTypeProcessTest.departmentFinishes(43L, "SR-2026-000001", "COMPLETED", "Refilled with hot asphalt");

        assertThat(followUp).hasPassed("Task_CloseRequest").isWaitingAt("Task_NotifyResident");
        assertThat(closedWith).containsEntry(ProcessVariables.RESOLUTION, "Refilled with hot asphalt");
        execute(job(followUp));
        assertThat(followUp).hasPassed("Event_ClosedAgain").isEnded();
        assertThat(calls).endsWith("close", "notify after round 1");
    }

    /** What storing a NO does: the application's own process start. */
    private ProcessInstance residentSaysNotFixed() {
        new ProcessStarter(runtimeService(), engine.getProcessEngine().getIdentityService())
                .on(new ResidentSaysNotFixed(7L, "SR-2026-000001", 1, 42L));
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(ProcessVariables.FOLLOW_UP_PROCESS)
                .processInstanceBusinessKey("SR-2026-000001").singleResult();
    }
}
