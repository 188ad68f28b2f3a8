package org.civic311.orchestrator.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civic311.orchestrator.collection.BulkyItemPickups;
import org.civic311.orchestrator.routing.RequestRouting.RoutedTask;
import org.springframework.stereotype.Component;

/**
 * {@code ${agreeCollectionDate}}: after routing, the next collection day of the request's area becomes the routed
 * task's due date; the service-level timers follow it.
 */
@Component("agreeCollectionDate")
class AgreeCollectionDateDelegate implements JavaDelegate {

    private final BulkyItemPickups pickups;

    AgreeCollectionDateDelegate(BulkyItemPickups pickups) {
        this.pickups = pickups;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long taskId = ((Number) execution.getVariable(ProcessVariables.DEPARTMENT_TASK_ID)).longValue();
        RoutedTask agreed = pickups.agreeCollectionDay(ProcessVariables.requestId(execution), taskId);
        ServiceLevelVariables.set(execution, agreed);
    }
}
