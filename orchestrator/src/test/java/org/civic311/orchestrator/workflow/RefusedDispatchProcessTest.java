package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.ConnectorRefusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** processes/department-work.bpmn when the department system refuses the work: an incident at once, retried by a person. */
@Deployment(resources = "processes/department-work.bpmn")
class RefusedDispatchProcessTest {

    private static final String REFUSAL = "Accela could not create a record: HTTP 400 data_validation_error:"
            + " Invalid value 'Urgent' for priority.";

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml").build();

    @BeforeEach
    void useThisEngine() {
        BpmnAwareTests.init(engine.getProcessEngine());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aRefusalRaisesAnIncidentAtOnceWithTheSystemsMessageAndAPersonRetriesIt() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean causeFixed = new AtomicBoolean();
        Mocks.register("dispatchTask", (JavaDelegate) execution -> {
            attempts.incrementAndGet();
            if (!causeFixed.get()) {
                throw new ConnectorRefusal(REFUSAL);
            }
        });
        ProcessInstance work = startWork(21L);

        assertThatThrownBy(() -> managementService().executeJob(job(work).getId())).hasMessageContaining("Urgent");

        Incident incident = runtimeService().createIncidentQuery().processInstanceId(work.getId()).singleResult();
        assertThat(incident).as("an incident after the first refusal").isNotNull();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("Task_DispatchToDepartment");
        assertThat(incident.getIncidentMessage()).isEqualTo(REFUSAL);
        assertThat(job(work).getRetries()).isZero();
        assertThat(job(work).getDuedate()).as("a retry runs at once").isInThePast();
        assertThat(attempts.get()).isEqualTo(1);

        // The clerk fixes the agency's priority list; the operator retries the job in Cockpit.
        causeFixed.set(true);
        managementService().setJobRetries(job(work).getId(), 1);
        execute(job(work));

        assertThat(work).isWaitingAt("Task_AwaitDepartment");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(work.getId()).count()).isZero();
        assertThat(attempts.get()).isEqualTo(2);
    }

    @Test
    void aRefusalWrappedInAnotherExceptionIsStillARefusal() {
        Mocks.register("dispatchTask", (JavaDelegate) execution -> {
            throw new IllegalStateException("Dispatch failed", new ConnectorRefusal(REFUSAL));
        });
        ProcessInstance work = startWork(22L);

        assertThatThrownBy(() -> managementService().executeJob(job(work).getId())).isInstanceOf(IllegalStateException.class);

        assertThat(runtimeService().createIncidentQuery().processInstanceId(work.getId()).count()).isEqualTo(1);
    }

    @Test
    void anOutageKeepsTheRetrySchedule() {
        Mocks.register("dispatchTask", (JavaDelegate) execution -> {
            throw new ConnectorException("Could not reach Accela: connection refused");
        });
        ProcessInstance work = startWork(23L);

        assertThatThrownBy(() -> managementService().executeJob(job(work).getId())).hasMessageContaining("connection refused");

        assertThat(runtimeService().createIncidentQuery().processInstanceId(work.getId()).count()).isZero();
        assertThat(job(work).getRetries()).isPositive();
        assertThat(job(work).getDuedate()).isInTheFuture();
    }

    private static ProcessInstance startWork(long taskId) {
        return runtimeService().startProcessInstanceByKey("department-work", "SR-2026-0000" + taskId,
                DepartmentWorkProcessTest.withTask(taskId));
    }
}
