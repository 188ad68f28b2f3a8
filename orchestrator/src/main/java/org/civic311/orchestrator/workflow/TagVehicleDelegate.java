package org.civic311.orchestrator.workflow;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civic311.orchestrator.towing.TaggedVehicles;
import org.springframework.stereotype.Component;

/**
 * {@code ${tagVehicle}}: records the tag and sets {@code towAfter} (a Date, for the timer that ends the tagging
 * period) from the step's input {@code taggingPeriod}, an ISO 8601 period such as P3D.
 */
@Component("tagVehicle")
class TagVehicleDelegate implements JavaDelegate {

    private final TaggedVehicles vehicles;

    TagVehicleDelegate(TaggedVehicles vehicles) {
        this.vehicles = vehicles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String period = String.valueOf(execution.getVariableLocal(ProcessVariables.TAGGING_PERIOD));
        Date towAfter = Date.from(vehicles.tag(ProcessVariables.requestId(execution), period));
        execution.getProcessInstance().setVariable(ProcessVariables.TOW_AFTER, towAfter);
    }
}
