package org.civic311.orchestrator.workflow;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.civic311.orchestrator.duplicates.RequestProcesses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Ends a request's running process when staff mark the request as a duplicate. The engine's cancellation listener
 * ({@link CancelledProcesses}) finds the request linked and leaves it open. Done as the system, not as the staff
 * member: the staff API's rule decided already that they may, whatever their rights on process instances.
 */
@Component
class RunningRequestProcesses implements RequestProcesses {

    // Looked up when used: the engine's delegates depend on this class, and the engine on its delegates.
    private final ObjectProvider<RuntimeService> runtimeService;
    private final ObjectProvider<IdentityService> identity;

    RunningRequestProcesses(ObjectProvider<RuntimeService> runtime, ObjectProvider<IdentityService> identity) {
        this.runtimeService = runtime;
        this.identity = identity;
    }

    @Override
    public void endForDuplicate(String trackingNumber, String reason) {
        RuntimeService runtime = runtimeService.getObject();
        asSystem(identity.getObject(), () -> {
            // Ending the request type's process ends the department work it called: the roots only, found first.
            List<String> roots = runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
                    .active().list().stream()
                    .filter(instance -> runtime.createProcessInstanceQuery().subProcessInstanceId(instance.getId())
                            .count() == 0)
                    .map(ProcessInstance::getId)
                    .toList();
            roots.forEach(root -> runtime.deleteProcessInstance(root, reason));
        });
    }

    /** Runs {@code work} without the caller's engine authentication, restoring it afterwards. */
    static void asSystem(IdentityService identity, Runnable work) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            work.run();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
