package org.civic311.orchestrator.workflow;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.civic311.orchestrator.request.ServiceRequestSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Starts the request type's process for a new request, with the tracking number as business key. */
@Component
class ProcessStarter {

    private final RuntimeService runtime;

    ProcessStarter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(ServiceRequestSubmitted submitted) {
        runtime.startProcessInstanceByKey(submitted.serviceCode(), submitted.trackingNumber(),
                Map.of(ProcessVariables.REQUEST_ID, submitted.requestId()));
    }
}
