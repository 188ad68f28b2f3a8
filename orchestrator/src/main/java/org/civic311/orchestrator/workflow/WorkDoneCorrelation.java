package org.civic311.orchestrator.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.civic311.orchestrator.dispatch.DepartmentWorkDone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Moves the process waiting for a department task on, in the transaction that recorded the completion. */
@Component
class WorkDoneCorrelation {

    private static final Logger log = LoggerFactory.getLogger(WorkDoneCorrelation.class);

    private final RuntimeService runtime;

    WorkDoneCorrelation(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(DepartmentWorkDone done) {
        // correlateAll: when nothing waits it answers an empty list instead of throwing, and a throwing engine call
        // would have marked the whole import transaction rollback-only.
        // The business key finds the request's few instances by an index; the task id alone made the database
        // look through every instance waiting for a department, so completions slowed as the backlog grew.
        boolean moved = !runtime.createMessageCorrelation(ProcessVariables.DEPARTMENT_WORK_DONE)
                .processInstanceBusinessKey(done.trackingNumber())
                .processInstanceVariableEquals(ProcessVariables.DEPARTMENT_TASK_ID, done.taskId())
                .setVariable(ProcessVariables.OUTCOME, done.outcome().name())
                .setVariable(ProcessVariables.RESOLUTION, done.note())
                .correlateAllWithResult().isEmpty();
        if (!moved) {
            // The task is recorded as done; no process waits for it any more (an operator cancelled it in Cockpit).
            log.warn("Department task {} finished but no process is waiting for it", done.taskId());
        }
    }
}
