package org.civic311.orchestrator.workflow;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civic311.orchestrator.catalog.Departments;
import org.civic311.orchestrator.dispatch.DepartmentTask;
import org.civic311.orchestrator.dispatch.DepartmentTasks;
import org.civic311.orchestrator.notification.ResidentNotices;
import org.civic311.orchestrator.request.ServiceRequests;
import org.civic311.orchestrator.routing.RequestRouting;
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
    private final RequestRouting routing;
    private final Clock clock;

    ReopenRequestDelegate(ServiceRequests requests, DepartmentTasks tasks, Departments departments,
                          ResidentNotices notices, RequestRouting routing, Clock clock) {
        this.requests = requests;
        this.tasks = tasks;
        this.departments = departments;
        this.notices = notices;
        this.routing = routing;
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
        // The shared department-work process reads the task and its timers' dates from these.
        ServiceLevelVariables.set(execution, routing.serviceLevelOf(again.id()));
        notices.reopened(requestId,
                ((Number) execution.getVariable(ProcessVariables.FOLLOW_UP_ROUND)).intValue());
    }
}
