package org.civic311.orchestrator.workflow;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civic311.orchestrator.escalation.SupervisorWarning;
import org.springframework.stereotype.Component;

/** {@code ${warnSupervisors}}: at the warning point, the department's supervisors are emailed. */
@Component("warnSupervisors")
class WarnSupervisorsDelegate implements JavaDelegate {

    private final SupervisorWarning warning;

    WarnSupervisorsDelegate(SupervisorWarning warning) {
        this.warning = warning;
    }

    @Override
    public void execute(DelegateExecution execution) {
        warning.warn(ProcessVariables.requestId(execution),
                (String) execution.getVariable(ProcessVariables.DEPARTMENT),
                ((Date) execution.getVariable(ProcessVariables.SLA_DUE_AT)).toInstant());
    }
}
