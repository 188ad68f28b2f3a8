package org.civic311.orchestrator.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civic311.orchestrator.towing.TaggedVehicles;
import org.springframework.stereotype.Component;

/** {@code ${checkRequestOpen}}: sets {@code requestOpen}, false when the request was closed during the tagging period. */
@Component("checkRequestOpen")
class CheckRequestOpenDelegate implements JavaDelegate {

    private final TaggedVehicles vehicles;

    CheckRequestOpenDelegate(TaggedVehicles vehicles) {
        this.vehicles = vehicles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.getProcessInstance().setVariable(ProcessVariables.REQUEST_OPEN,
                vehicles.towStillWanted(ProcessVariables.requestId(execution)));
    }
}
