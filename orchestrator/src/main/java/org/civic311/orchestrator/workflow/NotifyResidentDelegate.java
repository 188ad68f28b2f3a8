package org.civic311.orchestrator.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civic311.orchestrator.notification.ResidentNotifier;
import org.civic311.orchestrator.request.ServiceRequests;
import org.springframework.stereotype.Component;

/** {@code ${notifyResident}}: the closure notice, retried by the engine when the mail server is down. */
@Component("notifyResident")
class NotifyResidentDelegate implements JavaDelegate {

    private final ResidentNotifier notifier;
    private final ServiceRequests requests;

    NotifyResidentDelegate(ResidentNotifier notifier, ServiceRequests requests) {
        this.notifier = notifier;
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifier.closureNotice(requests.get(ProcessVariables.requestId(execution)));
    }
}
