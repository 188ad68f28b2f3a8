package org.civic311.orchestrator.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.civic311.orchestrator.duplicates.DuplicateLinkRefused;
import org.civic311.orchestrator.duplicates.DuplicateLinks;
import org.civic311.orchestrator.escalation.SupervisorActionRefused;
import org.civic311.orchestrator.escalation.SupervisorActions;
import org.civic311.orchestrator.escalation.SupervisorActions.OverdueWork;
import org.springframework.stereotype.Component;

/**
 * {@code ${applySupervisorAction}}, on completing an escalation task: does what the supervisor chose on the form.
 * A refusal fails the completion with its message, which Tasklist (or the REST client) shows; the task stays open
 * and nothing has changed. On creating one, it empties the form's fields of the last action.
 * <p>
 * The request and its department task come from the process's business key (the tracking number) and the task
 * table: whoever may complete the task can set any process variable with it, so none is trusted to say what to act
 * on, and a completion that names another request or task is refused.
 */
@Component("applySupervisorAction")
class SupervisorActionListener implements TaskListener {

    /** Cleared when an escalation task is created, so its form starts empty (the action too: nothing pre-selected). */
    private static final List<String> ONE_TIME_FIELDS = List.of(ProcessVariables.SUPERVISOR_ACTION,
            ProcessVariables.NEW_DUE_DATE, ProcessVariables.REASON, ProcessVariables.NEW_DEPARTMENT,
            ProcessVariables.NEW_SYSTEM, ProcessVariables.NOTE, ProcessVariables.DUPLICATE_OF);

    private final SupervisorActions actions;
    private final DuplicateLinks duplicates;

    SupervisorActionListener(SupervisorActions actions, DuplicateLinks duplicates) {
        this.actions = actions;
        this.duplicates = duplicates;
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            ONE_TIME_FIELDS.forEach(task.getExecution().getProcessInstance()::removeVariable);
            return;
        }
        OverdueWork work = actions.overdueWork(task.getExecution().getProcessBusinessKey());
        sameAs(task, ProcessVariables.REQUEST_ID, work.requestId());
        sameAs(task, ProcessVariables.DEPARTMENT_TASK_ID, work.taskId());
        long requestId = work.requestId();
        long taskId = work.taskId();
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
                case "duplicate" -> {
                    String parent = duplicates.markFromEscalation(requestId, taskId,
                            text(task, ProcessVariables.DUPLICATE_OF), supervisor).trackingNumber();
                    // Leaves the way a closing does; the close step leaves a duplicate open, to follow its parent.
                    task.setVariable(ProcessVariables.OUTCOME, "DUPLICATE");
                    task.setVariable(ProcessVariables.RESOLUTION, "Duplicate of " + parent + ".");
                }
                case "note" -> actions.note(requestId, text(task, ProcessVariables.NOTE), supervisor);
                default -> throw new NotValidException("Choose what should happen (" + ProcessVariables.SUPERVISOR_ACTION
                        + "): extend, redispatch, close, duplicate or note.");
            }
        } catch (SupervisorActionRefused | DuplicateLinkRefused refused) {
            throw new NotValidException(refused.getMessage());
        }
    }

    /** Refuses a completion that sets {@code name} to other than what this escalation is about. */
    private static void sameAs(DelegateTask task, String name, long actual) {
        Object given = task.getVariable(name);
        if (given != null && !String.valueOf(actual).equals(String.valueOf(given))) {
            throw new NotValidException("This escalation is for " + name + " " + actual + ", not " + given
                    + ": it cannot act on other work.");
        }
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
