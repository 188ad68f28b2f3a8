package org.civic311.orchestrator.dispatch;

/**
 * A department system sent something about this task that could not be read (it may be the completion): staff
 * must look at it. {@code keptId} is its row in {@code unreadable_update}.
 */
public record DepartmentUpdateUnreadable(long taskId, long keptId, String reason) {
}
