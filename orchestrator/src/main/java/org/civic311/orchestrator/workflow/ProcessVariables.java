package org.civic311.orchestrator.workflow;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The process variables the BPMN files and the delegates share. */
final class ProcessVariables {

    static final String REQUEST_ID = "requestId";
    static final String DEPARTMENT_TASK_ID = "departmentTaskId";
    static final String DEPARTMENT = "department";
    static final String SYSTEM = "system";
    static final String PRIORITY = "priority";
    /** A java.util.Date, so BPMN timers can use it: {@code ${slaDueAt}}. */
    static final String SLA_DUE_AT = "slaDueAt";
    /** When the department's supervisors are emailed (a Date, {@code ${slaWarnAt}}). */
    static final String SLA_WARN_AT = "slaWarnAt";
    /** When unhandled overdue work goes to the second level (a Date, {@code ${slaSecondLevelAt}}). */
    static final String SLA_SECOND_LEVEL_AT = "slaSecondLevelAt";
    /** Candidate group of the escalation task at the due time, e.g. supervisors-streets. */
    static final String SUPERVISOR_GROUP = "supervisorGroup";
    /** Candidate group of the escalation task at the second level, e.g. directors. */
    static final String SECOND_LEVEL_GROUP = "secondLevelGroup";
    /** 1 or 2: the level of the current escalation task. */
    static final String ESCALATION_LEVEL = "escalationLevel";
    /** Whether the request was still open when a timer fired. */
    static final String REQUEST_OPEN = "requestOpen";
    /** An abandoned vehicle's tagging period, the input of its Tag the vehicle step (ISO 8601, e.g. P3D). */
    static final String TAGGING_PERIOD = "taggingPeriod";
    /** When the tagging period ends and the vehicle is towed (a Date, {@code ${towAfter}}). */
    static final String TOW_AFTER = "towAfter";

    // The escalation form's fields (processes/department-work.bpmn).
    /** extend, redispatch, close, duplicate or note. */
    static final String SUPERVISOR_ACTION = "supervisorAction";
    static final String NEW_DUE_DATE = "newDueDate";
    static final String REASON = "reason";
    static final String NEW_DEPARTMENT = "newDepartment";
    static final String NEW_SYSTEM = "newSystem";
    static final String NOTE = "note";
    /** The tracking number of the request an escalated one duplicates (action duplicate). */
    static final String DUPLICATE_OF = "duplicateOf";
    /** COMPLETED or CANCELLED (by the department), CLOSED or DUPLICATE (by a supervisor). */
    static final String OUTCOME = "outcome";
    static final String RESOLUTION = "resolution";

    /** Which closure of the request a follow-up question is about: 1 for the first. */
    static final String FOLLOW_UP_ROUND = "followUpRound";

    /** The process a resident's NO to "was it fixed?" starts (processes/resident-follow-up.bpmn). */
    static final String FOLLOW_UP_PROCESS = "resident-follow-up";

    /** The message the "Await department" receive task waits for. */
    static final String DEPARTMENT_WORK_DONE = "DepartmentWorkDone";

    private ProcessVariables() {
    }

    static long requestId(VariableScope execution) {
        return ((Number) execution.getVariable(REQUEST_ID)).longValue();
    }
}
