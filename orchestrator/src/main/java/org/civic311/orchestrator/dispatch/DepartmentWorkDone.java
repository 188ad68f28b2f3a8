package org.civic311.orchestrator.dispatch;

/**
 * A department finished (or declined) its task; the waiting process moves on in the same transaction.
 *
 * @param trackingNumber the request's, which its processes carry as their business key
 */
public record DepartmentWorkDone(long taskId, String trackingNumber, TaskStatus outcome, String note) {
}
