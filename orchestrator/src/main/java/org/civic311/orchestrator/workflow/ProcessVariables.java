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

    /** The message the "Await department" receive task waits for. */
    static final String DEPARTMENT_WORK_DONE = "DepartmentWorkDone";

    private ProcessVariables() {
    }
}
