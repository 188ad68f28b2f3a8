package org.civic311.orchestrator.workflow;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.civic311.orchestrator.notification.ResidentSaysNotFixed;
import org.civic311.orchestrator.request.DuplicateUnlinked;
import org.civic311.orchestrator.request.ServiceRequestSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the request type's process for a new request, and for a duplicate staff unlinked, and the follow-up process
 * when a resident says the work did not fix it; the tracking number is the business key.
 */
@Component
class ProcessStarter {

    private final RuntimeService runtime;
    private final IdentityService identity;

    ProcessStarter(RuntimeService runtime, IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
    }

    /** On the version the request's answers were checked against: by key, the engine would look the latest up again. */
    @EventListener
    void on(ServiceRequestSubmitted submitted) {
        runtime.startProcessInstanceById(submitted.requestTypeVersion(), submitted.trackingNumber(),
                Map.of(ProcessVariables.REQUEST_ID, submitted.requestId()));
    }

    @EventListener
    void on(DuplicateUnlinked unlinked) {
        // The staff member's right to unlink was checked by the staff API; starting the process is the system's.
        RunningRequestProcesses.asSystem(identity, () -> runtime.startProcessInstanceByKey(unlinked.serviceCode(),
                unlinked.trackingNumber(), Map.of(ProcessVariables.REQUEST_ID, unlinked.requestId())));
    }

    /** In the transaction that stored the answer; the reopening itself is the process's first, asynchronous, step. */
    @EventListener
    void on(ResidentSaysNotFixed notFixed) {
        runtime.startProcessInstanceByKey(ProcessVariables.FOLLOW_UP_PROCESS, notFixed.trackingNumber(), Map.of(
                ProcessVariables.REQUEST_ID, notFixed.requestId(),
                ProcessVariables.FOLLOW_UP_ROUND, notFixed.round(),
                ProcessVariables.DEPARTMENT_TASK_ID, notFixed.departmentTaskId()));
    }
}
