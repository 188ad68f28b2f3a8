package org.civic311.orchestrator.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.civic311.orchestrator.notification.NotificationProperties;
import org.civic311.orchestrator.notification.ResidentNotices;
import org.civic311.orchestrator.request.ServiceRequests;
import org.springframework.stereotype.Component;

/**
 * {@code ${notifyResident}}: the closure notice (to the reporters of its duplicates and its followers too), then the
 * "was it fixed?" process for a resident who hears back.
 * Both in the job's transaction: a retried job writes the notice once and starts one follow-up.
 */
@Component("notifyResident")
class NotifyResidentDelegate implements JavaDelegate {

    private final ResidentNotices notices;
    private final NotificationProperties settings;
    private final ServiceRequests requests;

    NotifyResidentDelegate(ResidentNotices notices, NotificationProperties settings, ServiceRequests requests) {
        this.notices = notices;
        this.settings = settings;
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
        if (notices.reachesSomeone(requestId)) {
            execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(
                    ProcessVariables.FOLLOW_UP_PROCESS, execution.getProcessBusinessKey(), Variables.createVariables()
                            .putValue(ProcessVariables.REQUEST_ID, requestId)
                            .putValue(ProcessVariables.FOLLOW_UP_ROUND, round)
                            // The task that did the work: a NO plans it again.
                            .putValue(ProcessVariables.DEPARTMENT_TASK_ID,
                                    execution.getVariable(ProcessVariables.DEPARTMENT_TASK_ID))
                            // Read by the timer made at the start, in this transaction: not kept for the days it waits.
                            .putValueTyped(ProcessVariables.FOLLOW_UP_DELAY,
                                    Variables.stringValue(settings.followUpDelay().toString(), true)));
        }
    }
}
