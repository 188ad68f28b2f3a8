package org.civic311.orchestrator.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.civic311.orchestrator.dispatch.DepartmentUpdateUnreadable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Shows staff, in Cockpit, that a department sent something about a request that could not be read: an incident on
 * the process waiting for the department (or, when none waits any more, on the request's process).
 */
@Component
class UnreadableUpdateIncident {

    /** The incident type Cockpit shows. */
    static final String TYPE = "departmentUpdateUnreadable";

    private static final Logger log = LoggerFactory.getLogger(UnreadableUpdateIncident.class);

    private final RuntimeService runtime;

    UnreadableUpdateIncident(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(DepartmentUpdateUnreadable unreadable) {
        String executionId = waitingExecution(unreadable.taskId());
        if (executionId == null) {
            log.warn("No process of department task {} is running; unreadable update {} is only in the table",
                    unreadable.taskId(), unreadable.keptId());
            return;
        }
        runtime.createIncident(TYPE, executionId, "unreadable_update:" + unreadable.keptId(),
                "The department sent something about this request that could not be read (it may be the completion;"
                        + " see unreadable_update " + unreadable.keptId() + "): " + unreadable.reason());
    }

    private String waitingExecution(long taskId) {
        Execution waiting = runtime.createExecutionQuery()
                .messageEventSubscriptionName(ProcessVariables.DEPARTMENT_WORK_DONE)
                .processVariableValueEquals(ProcessVariables.DEPARTMENT_TASK_ID, taskId)
                .list().stream().findFirst().orElse(null);
        if (waiting != null) {
            return waiting.getId();
        }
        return runtime.createProcessInstanceQuery()
                .variableValueEquals(ProcessVariables.DEPARTMENT_TASK_ID, taskId)
                .list().stream().findFirst().map(ProcessInstance::getId).orElse(null);
    }
}
