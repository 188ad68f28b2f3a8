package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

/**
 * processes/department-work.bpmn while the department has the work: the warning, the escalation task at the due
 * time, the second level, and where each supervisor action leads. The engine clock is moved; delegates are replaced
 * (what they do is EscalationLoopTest's).
 */
@Deployment(resources = "processes/department-work.bpmn")
class EscalationProcessTest {

    private static final long HOUR = 60 * 60 * 1000L;

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml").build();

    private final List<String> calls = new ArrayList<>();
    private final AtomicBoolean requestOpen = new AtomicBoolean(true);
    private final Date start = new Date();

    @BeforeEach
    void mockDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(start);
        Mocks.register("dispatchTask", (JavaDelegate) execution -> calls.add("dispatch "
                + execution.getVariable(ProcessVariables.DEPARTMENT_TASK_ID)));
        Mocks.register("warnSupervisors", (JavaDelegate) execution -> calls.add("warn"));
        Mocks.register("recordOverdue", (JavaDelegate) execution -> {
            calls.add("overdue " + execution.getVariableLocal("level"));
            execution.setVariable(ProcessVariables.REQUEST_OPEN, requestOpen.get());
            execution.setVariable(ProcessVariables.ESCALATION_LEVEL,
                    Integer.parseInt(String.valueOf(execution.getVariableLocal("level"))));
        });
        // What the real listener sets for each action; its checks are EscalationLoopTest's.
        Mocks.register("applySupervisorAction", (TaskListener) task -> {
            if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                return;
            }
            String action = (String) task.getVariable(ProcessVariables.SUPERVISOR_ACTION);
            calls.add(action);
            if ("extend".equals(action)) {
                Date due = (Date) task.getVariable(ProcessVariables.NEW_DUE_DATE);
                task.setVariable(ProcessVariables.SLA_WARN_AT, new Date(due.getTime() - HOUR));
                task.setVariable(ProcessVariables.SLA_DUE_AT, due);
                task.setVariable(ProcessVariables.SLA_SECOND_LEVEL_AT, new Date(due.getTime() + 24 * HOUR));
            } else if ("redispatch".equals(action)) {
                task.setVariable(ProcessVariables.DEPARTMENT_TASK_ID, 43L);
            } else if ("close".equals(action)) {
                task.setVariable(ProcessVariables.OUTCOME, "CLOSED");
            } else if ("duplicate".equals(action)) {
                task.setVariable(ProcessVariables.OUTCOME, "DUPLICATE");
            }
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void atTheWarningPointTheSupervisorsAreWarnedAndTheWaitGoesOn() {
        ProcessInstance work = waiting();

        fire("Event_WarningPoint");

        assertThat(calls).containsExactly("dispatch 42", "warn");
        assertThat(work).hasPassed("Event_SupervisorsWarned").isWaitingAt("Task_AwaitDepartment");
    }

    @Test
    void atTheDueTimeTheDepartmentsSupervisorsGetAnEscalationTaskAndTheDepartmentCanStillFinish() {
        ProcessInstance work = waiting();

        fire("Event_DueTime");

        assertThat(work).isWaitingAt("Task_AwaitDepartment", "Task_SupervisorReview");
        assertThat(work).task("Task_SupervisorReview").hasCandidateGroup("supervisors-streets").isNotAssigned()
                .hasDueDate((Date) runtimeService().getVariable(work.getId(), ProcessVariables.SLA_SECOND_LEVEL_AT));

        RequestTypeProcessTest.departmentFinishes(42L, "SR-2026-000009", "COMPLETED", "Filled");
        assertThat(work).hasPassed("Event_DepartmentReported", "Event_WorkDone").isEnded();
        assertThat(taskService().createTaskQuery().processInstanceId(work.getId()).count()).isZero();
    }

    @Test
    void stillUnhandledItGoesToTheDirectors() {
        ProcessInstance work = overdue();

        fire("Event_SecondLevelTime");

        assertThat(calls).containsSequence("overdue 1", "overdue 2");
        assertThat(work).isWaitingAt("Task_AwaitDepartment", "Task_SecondLevelReview");
        assertThat(work).task("Task_SecondLevelReview").hasCandidateGroup("directors");
    }

    @Test
    void workDoneJustBeforeItsDueTimeIsNeverEscalated() {
        ProcessInstance work = waiting();
        ClockUtil.setCurrentTime(new Date(timer(work, "Event_DueTime").getDuedate().getTime() - 60_000));
        assertThat(managementService().createJobQuery().processInstanceId(work.getId()).activityId("Event_DueTime")
                .executable().count()).as("the due timer a minute early").isZero();
        // The job executor runs what is due by now: the warning, not the escalation.
        managementService().createJobQuery().processInstanceId(work.getId()).executable().list()
                .forEach(job -> managementService().executeJob(job.getId()));

        RequestTypeProcessTest.departmentFinishes(42L, "SR-2026-000009", "COMPLETED", "Filled");

        assertThat(calls).containsExactly("dispatch 42", "warn");
        assertThat(work).isEnded().hasNotPassed("Task_RecordOverdue");
        assertThat(managementService().createJobQuery().processInstanceId(work.getId()).count()).isZero();
    }

    @Test
    void aTimerForARequestClosedMeanwhileDoesNothing() {
        ProcessInstance work = waiting();
        requestOpen.set(false);

        fire("Event_DueTime");

        assertThat(work).hasPassed("Event_ClosedMeanwhile").isWaitingAt("Task_AwaitDepartment");
        assertThat(runtimeService().createExecutionQuery().activityId("Task_SupervisorReview").count()).isZero();
    }

    @Test
    void extendingTheDueDateWaitsAgainWithTimersAtTheNewDates() {
        ProcessInstance work = overdue();
        Date newDue = new Date(ClockUtil.getCurrentTime().getTime() + 72 * HOUR);

        complete(task("Task_SupervisorReview", work), withVariables(ProcessVariables.SUPERVISOR_ACTION, "extend",
                ProcessVariables.NEW_DUE_DATE, newDue));

        assertThat(work).hasPassed("Event_DueExtended").isWaitingAt("Task_AwaitDepartment");
        assertThat(timer(work, "Event_DueTime").getDuedate()).isEqualTo(newDue);
        assertThat(timer(work, "Event_WarningPoint").getDuedate()).isEqualTo(new Date(newDue.getTime() - HOUR));
        assertThat(runtimeService().createExecutionQuery().activityId("Task_SupervisorReview").count()).isZero();
    }

    @Test
    void sendingItAgainDispatchesTheNewTaskAndWaitsForThat() {
        ProcessInstance work = overdue();

        complete(task("Task_SupervisorReview", work), withVariables(ProcessVariables.SUPERVISOR_ACTION, "redispatch"));

        assertThat(work).hasPassed("Event_Redispatched").isWaitingAt("Task_DispatchToDepartment");
        execute(job(work));
        assertThat(calls).endsWith("redispatch", "dispatch 43");
        RequestTypeProcessTest.departmentFinishes(42L, "SR-2026-000009", "COMPLETED", "the old task");
        assertThat(work).isWaitingAt("Task_AwaitDepartment");
        RequestTypeProcessTest.departmentFinishes(43L, "SR-2026-000009", "COMPLETED", "the new task");
        assertThat(work).isEnded();
    }

    @Test
    void markingItAsADuplicateEndsTheWorkAsClosingDoes() {
        ProcessInstance work = overdue();

        complete(task("Task_SupervisorReview", work), withVariables(ProcessVariables.SUPERVISOR_ACTION, "duplicate",
                ProcessVariables.DUPLICATE_OF, "SR-2026-000001"));

        assertThat(work).hasPassed("Event_ClosedByStaff", "Event_WorkClosedByStaff").isEnded();
        assertThat(work).variables().containsEntry(ProcessVariables.OUTCOME, "DUPLICATE");
    }

    @Test
    void closingEndsTheWorkForTheRequestToClose() {
        ProcessInstance work = overdue();

        complete(task("Task_SupervisorReview", work), withVariables(ProcessVariables.SUPERVISOR_ACTION, "close"));

        assertThat(work).hasPassed("Event_ClosedByStaff", "Event_WorkClosedByStaff").isEnded();
        assertThat(work).variables().containsEntry(ProcessVariables.OUTCOME, "CLOSED");
    }

    @Test
    void aNoteKeepsTheTaskAtItsLevel() {
        ProcessInstance work = overdue();
        complete(task("Task_SupervisorReview", work), withVariables(ProcessVariables.SUPERVISOR_ACTION, "note"));
        assertThat(work).isWaitingAt("Task_AwaitDepartment", "Task_SupervisorReview");

        fire("Event_SecondLevelTime");
        complete(task("Task_SecondLevelReview", work), withVariables(ProcessVariables.SUPERVISOR_ACTION, "note"));
        assertThat(work).isWaitingAt("Task_AwaitDepartment", "Task_SecondLevelReview");
    }

    @Test
    void theEscalationFormOffersTheFiveActionsAndProposesTheCurrentDepartmentAndSystem() {
        ProcessInstance work = runtimeService().startProcessInstanceByKey("department-work", "SR-2026-000010",
                withRouting());
        execute(job(work));
        fire("Event_DueTime");
        String taskId = task("Task_SupervisorReview", work).getId();

        List<FormField> fields = formService().getTaskFormData(taskId).getFormFields();

        assertThat(fields).extracting(FormField::getId).containsExactly("supervisorAction", "newDueDate", "reason",
                "newDepartment", "newSystem", "resolution", "note", "duplicateOf");
        @SuppressWarnings("unchecked")
        Map<String, String> actions = (Map<String, String>) fields.get(0).getType().getInformation("values");
        assertThat(actions.keySet())
                .containsExactly("extend", "redispatch", "close", "duplicate", "note");
        assertThat(fields.get(3).getValue().getValue()).isEqualTo("streets");
        assertThat(fields.get(4).getValue().getValue()).isEqualTo("email");
        // Tasklist submits the form: an action is required before anything runs.
        assertThatThrownBy(() -> formService().submitTaskForm(taskId, Map.of("note", "no action chosen")))
                .hasMessageContaining("supervisorAction");
        assertThat(calls).doesNotContain("note");
    }

    private static Map<String, Object> withRouting() {
        Map<String, Object> variables = new HashMap<>(DepartmentWorkProcessTest.withTask(42L));
        variables.put(ProcessVariables.DEPARTMENT, "streets");
        variables.put(ProcessVariables.SYSTEM, "email");
        return variables;
    }

    /** Dispatched, waiting for department task 42, due in a week. */
    private ProcessInstance waiting() {
        ProcessInstance work = runtimeService().startProcessInstanceByKey("department-work", "SR-2026-000009",
                DepartmentWorkProcessTest.withTask(42L));
        execute(job(work));
        assertThat(work).isWaitingAt("Task_AwaitDepartment");
        return work;
    }

    private ProcessInstance overdue() {
        ProcessInstance work = waiting();
        fire("Event_DueTime");
        return work;
    }

    /** Moves the engine clock to the timer's due date and runs it, as the job executor would. */
    private void fire(String timerEvent) {
        Job timer = managementService().createJobQuery().timers().activityId(timerEvent).singleResult();
        assertThat(timer).as("timer of " + timerEvent).isNotNull();
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        managementService().executeJob(timer.getId());
    }

    private static Job timer(ProcessInstance work, String timerEvent) {
        return managementService().createJobQuery().processInstanceId(work.getId()).timers().activityId(timerEvent)
                .singleResult();
    }
}
