package org.civic311.orchestrator.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civic311.orchestrator.escalation.OverdueNote;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordOverdue}}: the due time (input {@code level} 1) or the second level (2) has come. Notes it for staff
 * and sets {@code requestOpen}, so that nothing happens for a request closed meanwhile.
 */
@Component("recordOverdue")
class RecordOverdueDelegate implements JavaDelegate {

    private final OverdueNote overdue;

    RecordOverdueDelegate(OverdueNote overdue) {
        this.overdue = overdue;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int level = Integer.parseInt(String.valueOf(execution.getVariableLocal("level")));
        String group = (String) execution.getVariable(level == 1
                ? ProcessVariables.SUPERVISOR_GROUP : ProcessVariables.SECOND_LEVEL_GROUP);
        boolean open = overdue.record(ProcessVariables.requestId(execution), level, group);
        execution.getProcessInstance().setVariable(ProcessVariables.REQUEST_OPEN, open);
        execution.getProcessInstance().setVariable(ProcessVariables.ESCALATION_LEVEL, level);
    }
}
