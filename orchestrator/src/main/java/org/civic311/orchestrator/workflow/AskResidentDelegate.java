package org.civic311.orchestrator.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.civic311.orchestrator.notification.FollowUpQuestions;
import org.civic311.orchestrator.notification.NotificationProperties;
import org.springframework.stereotype.Component;

/** {@code ${askResident}}: "was it fixed?", by the resident's channels. */
@Component("askResident")
class AskResidentDelegate implements JavaDelegate {

    private final FollowUpQuestions questions;
    private final NotificationProperties settings;

    AskResidentDelegate(FollowUpQuestions questions, NotificationProperties settings) {
        this.questions = questions;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        questions.ask(ProcessVariables.requestId(execution),
                ((Number) execution.getVariable(ProcessVariables.FOLLOW_UP_ROUND)).intValue());
        if (!execution.hasVariable(ProcessVariables.ANSWER_WINDOW)) {
            // Read by the answer window's timer, made next in this transaction: not kept for the days it runs.
            // (A follow-up started before carries its own, kept.)
            execution.setVariable(ProcessVariables.ANSWER_WINDOW,
                    Variables.stringValue(settings.answerWindow().toString(), true));
        }
    }
}
