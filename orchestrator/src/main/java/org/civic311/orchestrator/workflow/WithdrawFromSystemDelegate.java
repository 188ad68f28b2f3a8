package org.civic311.orchestrator.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civic311.orchestrator.dispatch.Dispatcher;
import org.springframework.stereotype.Component;

/** {@code ${withdrawFromSystem}}: cancels a cancelled task's item in the department's system. */
@Component("withdrawFromSystem")
class WithdrawFromSystemDelegate implements JavaDelegate {

    private final Dispatcher dispatcher;

    WithdrawFromSystemDelegate(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void execute(DelegateExecution execution) {
        dispatcher.cancelInSystem(((Number) execution.getVariable(ProcessVariables.DEPARTMENT_TASK_ID)).longValue());
    }
}
