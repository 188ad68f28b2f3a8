package org.civic311.orchestrator.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civic311.orchestrator.catalog.Departments;
import org.civic311.orchestrator.dispatch.DepartmentTask;
import org.civic311.orchestrator.dispatch.DepartmentTasks;
import org.civic311.orchestrator.notification.ResidentNotices;
import org.civic311.orchestrator.request.ServiceRequests;
import org.springframework.stereotype.Component;

/**
 * {@code ${reopenRequest}}: the resident said it is not fixed. The request is open again with a public note, the
 * same department gets a new task that names the earlier one, and the resident is told.
 */
@Component("reopenRequest")
class ReopenRequestDelegate implements JavaDelegate {

    private final ServiceRequests requests;
    private final DepartmentTasks tasks;
    private final Departments departments;
    private final ResidentNotices notices;
    private final Clock clock;

    ReopenRequestDelegate(ServiceRequests requests, DepartmentTasks tasks, Departments departments,
                          ResidentNotices notices, Clock clock) {
        this.requests = requests;
        this.tasks = tasks;
        this.departments = departments;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = ProcessVariables.requestId(execution);
        long earlierTaskId = ((Number) execution.getVariable(ProcessVariables.DEPARTMENT_TASK_ID)).longValue();
        Instant now = clock.instant();
        DepartmentTask again = tasks.planAgain(earlierTaskId, now);
        requests.reopen(requestId, "Reopened: the resident reported that the problem is not fixed. "
                + departments.nameOf(again.department()) + " will work on it again.", again.dueAt(), now);
        execution.setVariable(ProcessVariables.DEPARTMENT_TASK_ID, again.id());
        execution.setVariable(ProcessVariables.DEPARTMENT, again.department());
        execution.setVariable(ProcessVariables.SYSTEM, again.system());
        execution.setVariable(ProcessVariables.PRIORITY, again.priority());
        execution.setVariable(ProcessVariables.SLA_DUE_AT, Date.from(again.dueAt()));
        notices.reopened(requestId,
                ((Number) execution.getVariable(ProcessVariables.FOLLOW_UP_ROUND)).intValue());
    }
}
