package org.civic311.orchestrator.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.civic311.orchestrator.escalation.SupervisorActionRefused;
import org.civic311.orchestrator.escalation.SupervisorActions;
import org.springframework.stereotype.Component;

/**
 * {@code ${applySupervisorAction}}, on completing an escalation task: does what the supervisor chose on the form.
 * A refusal fails the completion with its message, which Tasklist (or the REST client) shows; the task stays open
 * and nothing has changed.
 */
@Component("applySupervisorAction")
class SupervisorActionListener implements TaskListener {

    /** Cleared after each action, so the next escalation form starts empty. */
    private static final List<String> ONE_TIME_FIELDS = List.of(ProcessVariables.NEW_DUE_DATE, ProcessVariables.REASON,
            ProcessVariables.NEW_DEPARTMENT, ProcessVariables.NEW_SYSTEM, ProcessVariables.NOTE);

    private final SupervisorActions actions;

    SupervisorActionListener(SupervisorActions actions) {
        this.actions = actions;
    }

    @Override
    public void notify(DelegateTask task) {
        long requestId = ((Number) task.getVariable(ProcessVariables.REQUEST_ID)).longValue();
        long taskId = ((Number) task.getVariable(ProcessVariables.DEPARTMENT_TASK_ID)).longValue();
        String supervisor = supervisor(task);
        String action = text(task, ProcessVariables.SUPERVISOR_ACTION);
        try {
            switch (action == null ? "" : action) {
                case "extend" -> ServiceLevelVariables.set(task.getExecution(), actions.extend(requestId, taskId,
                        date(task), text(task, ProcessVariables.REASON), supervisor));
                case "redispatch" -> ServiceLevelVariables.set(task.getExecution(), actions.redispatch(requestId,
                        taskId, text(task, ProcessVariables.NEW_DEPARTMENT), text(task, ProcessVariables.NEW_SYSTEM),
                        date(task), text(task, ProcessVariables.REASON), supervisor));
                case "close" -> {
                    String resolution = actions.close(requestId, taskId, text(task, ProcessVariables.RESOLUTION),
                            supervisor);
                    task.setVariable(ProcessVariables.OUTCOME, "CLOSED");
                    task.setVariable(ProcessVariables.RESOLUTION, resolution);
                }
                case "note" -> actions.note(requestId, text(task, ProcessVariables.NOTE), supervisor);
                default -> throw new NotValidException("Choose what should happen (" + ProcessVariables.SUPERVISOR_ACTION
                        + "): extend, redispatch, close or note.");
            }
        } catch (SupervisorActionRefused refused) {
            throw new NotValidException(refused.getMessage());
        }
        ONE_TIME_FIELDS.forEach(task.getExecution().getProcessInstance()::removeVariable);
    }

    private static String supervisor(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return task.getAssignee();
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static Instant date(DelegateTask task) {
        Object value = task.getVariable(ProcessVariables.NEW_DUE_DATE);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        throw new NotValidException("The new due date must be a date, not '" + value + "'.");
    }
}
