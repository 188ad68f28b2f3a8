package org.civic311.orchestrator.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.civic311.orchestrator.notification.ResidentAnswered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Moves the follow-up process waiting for the answer on, in the transaction that stored the answer. */
@Component
class ResidentAnswerCorrelation {

    private static final Logger log = LoggerFactory.getLogger(ResidentAnswerCorrelation.class);

    private final RuntimeService runtime;

    ResidentAnswerCorrelation(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(ResidentAnswered answered) {
        // correlateAll: an answer after the question closed finds nothing waiting, and must not fail the answer.
        boolean moved = !runtime.createMessageCorrelation(ProcessVariables.RESIDENT_ANSWERED)
                .processInstanceVariableEquals(ProcessVariables.REQUEST_ID, answered.requestId())
                .processInstanceVariableEquals(ProcessVariables.FOLLOW_UP_ROUND, answered.round())
                .setVariable(ProcessVariables.FIXED, answered.fixed())
                .correlateAllWithResult().isEmpty();
        if (!moved) {
            log.info("Request {} was answered after its question closed; the answer is kept", answered.requestId());
        }
    }
}
