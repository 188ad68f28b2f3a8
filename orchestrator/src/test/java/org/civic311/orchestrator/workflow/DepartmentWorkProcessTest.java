package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** processes/department-work.bpmn: sending the work, and what happens when the department system is down. */
@Deployment(resources = "processes/department-work.bpmn")
class DepartmentWorkProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml").build();

    @BeforeEach
    void useThisEngine() {
        // Explicitly: the Spring tests of the same run leave their engines registered too, so the lookup of
        // "the one engine" is unreliable.
        BpmnAwareTests.init(engine.getProcessEngine());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    static Map<String, Object> withTask(long taskId) {
        Map<String, Object> variables = new HashMap<>(RequestTypeProcessTest.serviceLevel());
        variables.put(ProcessVariables.DEPARTMENT_TASK_ID, taskId);
        return variables;
    }

    @Test
    void anUnreachableSystemIsRetriedWithBackoffThenBecomesAnIncidentThatCanBeRetried() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean systemDown = new AtomicBoolean(true);
        Mocks.register("dispatchTask", (JavaDelegate) execution -> {
            attempts.incrementAndGet();
            if (systemDown.get()) {
                throw new IllegalStateException("Connection refused");
            }
        });
        ProcessInstance work = runtimeService().startProcessInstanceByKey("department-work", "SR-2026-000002",
                withTask(7L));

        Job first = job(work);
        assertThatThrownBy(() -> managementService().executeJob(first.getId())).hasMessageContaining("Connection refused");
        // The first failure is retried later, not at once.
        assertThat(managementService().createJobQuery().jobId(first.getId()).singleResult().getDuedate()).isInTheFuture();
        while (runtimeService().createIncidentQuery().processInstanceId(work.getId()).count() == 0 && attempts.get() < 20) {
            assertThatThrownBy(() -> managementService().executeJob(job(work).getId()))
                    .hasMessageContaining("Connection refused");
        }
        // How long it keeps trying is the engine-wide schedule of application.yml: LongOutageTest.
        assertThat(attempts.get()).isGreaterThan(1);

        Incident incident = runtimeService().createIncidentQuery().processInstanceId(work.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("Task_DispatchToDepartment");
        assertThat(incident.getIncidentMessage()).contains("Connection refused");
        assertThat(work).isWaitingAt("Task_DispatchToDepartment");

        // What an operator does in Cockpit once the system is back: give the job another try.
        systemDown.set(false);
        managementService().setJobRetries(job(work).getId(), 1);
        execute(job(work));
        assertThat(work).isWaitingAt("Task_AwaitDepartment");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(work.getId()).count()).isZero();
    }

    @Test
    void waitsForTheCompletionOfItsOwnTaskOnly() {
        Mocks.register("dispatchTask", (JavaDelegate) execution -> { });
        ProcessInstance work = runtimeService().startProcessInstanceByKey("department-work", "SR-2026-000003",
                withTask(8L));
        execute(job(work));

        RequestTypeProcessTest.departmentFinishes(9L, "SR-2026-000003", "COMPLETED", "not this one");
        assertThat(work).isWaitingAt("Task_AwaitDepartment");

        RequestTypeProcessTest.departmentFinishes(8L, "SR-2026-000003", "COMPLETED", "done");
        assertThat(work).hasPassed("Event_WorkDone").isEnded();
    }
}
