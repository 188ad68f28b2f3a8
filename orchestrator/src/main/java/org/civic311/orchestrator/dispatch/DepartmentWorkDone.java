package org.civic311.orchestrator.dispatch;

/** A department finished (or declined) its task; the waiting process moves on in the same transaction. */
public record DepartmentWorkDone(long taskId, TaskStatus outcome, String note) {
}
