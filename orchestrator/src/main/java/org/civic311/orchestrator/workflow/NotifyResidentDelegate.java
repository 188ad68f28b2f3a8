package org.civic311.orchestrator.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civic311.orchestrator.notification.FollowUpQuestions;
import org.civic311.orchestrator.notification.ResidentNotices;
import org.civic311.orchestrator.request.ServiceRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code ${notifyResident}}: the closure notice (to the reporters of its duplicates and its followers too), and
 * "was it fixed?" planned for a resident who hears back.
 * Both in the job's transaction: a retried job writes the notice once and plans one question.
 */
@Component("notifyResident")
class NotifyResidentDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(NotifyResidentDelegate.class);

    private final ResidentNotices notices;
    private final FollowUpQuestions questions;
    private final ServiceRequests requests;

    NotifyResidentDelegate(ResidentNotices notices, FollowUpQuestions questions, ServiceRequests requests) {
        this.notices = notices;
        this.questions = questions;
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = ProcessVariables.requestId(execution);
        if (requests.get(requestId).duplicateOf() != null) {
            return; // marked as a duplicate: its resident was told so, and hears of the closure with its parent's
        }
        // In the follow-up process the request closes again: the round after the one answered NO.
        Number answered = (Number) execution.getVariable(ProcessVariables.FOLLOW_UP_ROUND);
        int round = answered == null ? 1 : answered.intValue() + 1;
        notices.closed(requestId, round);
        // The task that did the work: a NO plans it again.
        Number task = (Number) execution.getVariable(ProcessVariables.DEPARTMENT_TASK_ID);
        if (task == null) {
            // A request type whose call activity does not hand departmentTaskId back (docs/request-types.md).
            log.warn("Request {} closed without a departmentTaskId: \"was it fixed?\" is not asked", requestId);
        } else if (notices.reachesSomeone(requestId)) {
            questions.plan(requestId, round, task.longValue());
        }
    }
}
