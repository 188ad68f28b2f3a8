package org.civic311.orchestrator.workflow;

/** The process variables the BPMN files and the delegates share. */
final class ProcessVariables {

    static final String REQUEST_ID = "requestId";
    static final String DEPARTMENT_TASK_ID = "departmentTaskId";
    static final String DEPARTMENT = "department";
    static final String SYSTEM = "system";
    static final String PRIORITY = "priority";
    /** A java.util.Date, so BPMN timers can use it: {@code ${slaDueAt}}. */
    static final String SLA_DUE_AT = "slaDueAt";
    /** COMPLETED or CANCELLED. */
    static final String OUTCOME = "outcome";
    static final String RESOLUTION = "resolution";

    /** Which closure of the request a follow-up question is about: 1 for the first. */
    static final String FOLLOW_UP_ROUND = "followUpRound";
    /** ISO-8601 durations the follow-up process's timers read. */
    static final String FOLLOW_UP_DELAY = "followUpDelay";
    static final String ANSWER_WINDOW = "answerWindow";
    /** The resident's answer to "was it fixed?". */
    static final String FIXED = "fixed";

    /** The process that asks "was it fixed?" after a closure (processes/resident-follow-up.bpmn). */
    static final String FOLLOW_UP_PROCESS = "resident-follow-up";
    /** The message its "Await the answer" receive task waits for. */
    static final String RESIDENT_ANSWERED = "ResidentAnswered";

    /** The message the "Await department" receive task waits for. */
    static final String DEPARTMENT_WORK_DONE = "DepartmentWorkDone";

    private ProcessVariables() {
    }
}
