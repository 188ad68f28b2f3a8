package org.civic311.orchestrator.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civic311.orchestrator.dispatch.Dispatcher;
import org.springframework.stereotype.Component;

/** {@code ${dispatchTask}}: pushes the department task into the department's system. */
@Component("dispatchTask")
class DispatchTaskDelegate implements JavaDelegate {

    private final Dispatcher dispatcher;

    DispatchTaskDelegate(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void execute(DelegateExecution execution) {
        dispatcher.dispatch(((Number) execution.getVariable(ProcessVariables.DEPARTMENT_TASK_ID)).longValue());
    }
}
