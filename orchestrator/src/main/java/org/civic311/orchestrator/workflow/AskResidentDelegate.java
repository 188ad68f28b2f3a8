package org.civic311.orchestrator.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civic311.orchestrator.notification.FollowUpQuestions;
import org.springframework.stereotype.Component;

/** {@code ${askResident}}: "was it fixed?", by the resident's channels. */
@Component("askResident")
class AskResidentDelegate implements JavaDelegate {

    private final FollowUpQuestions questions;

    AskResidentDelegate(FollowUpQuestions questions) {
        this.questions = questions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        questions.ask(ProcessVariables.requestId(execution),
                ((Number) execution.getVariable(ProcessVariables.FOLLOW_UP_ROUND)).intValue());
    }
}
