package org.civic311.orchestrator.workflow;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civic311.orchestrator.request.RequestStatus;
import org.civic311.orchestrator.request.ServiceRequest;
import org.civic311.orchestrator.request.ServiceRequests;
import org.springframework.stereotype.Component;

/** {@code ${closeRequest}}: the request becomes closed, with the department's words as its status notes. */
@Component("closeRequest")
class CloseRequestDelegate implements JavaDelegate {

    private final ServiceRequests requests;
    private final Clock clock;

    CloseRequestDelegate(ServiceRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = ProcessVariables.requestId(execution);
        ServiceRequest request = requests.get(requestId);
        if (request.status() == RequestStatus.CLOSED) {
            return; // closed meanwhile (its process was ended by staff): keep the words it was closed with
        }
        if (request.duplicateOf() != null) {
            return; // a supervisor marked it as a duplicate: it stays open and closes with its parent
        }
        String resolution = (String) execution.getVariable(ProcessVariables.RESOLUTION);
        boolean cancelled = "CANCELLED".equals(execution.getVariable(ProcessVariables.OUTCOME));
        String notes;
        if (resolution == null || resolution.isBlank()) {
            notes = cancelled ? "Closed without action." : "The work is done.";
        } else {
            notes = cancelled ? "Closed without action: " + resolution : resolution;
        }
        requests.close(requestId, notes, clock.instant());
    }
}
