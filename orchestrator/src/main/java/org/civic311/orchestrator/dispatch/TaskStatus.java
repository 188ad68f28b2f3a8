package org.civic311.orchestrator.dispatch;

/** Where a department task stands. */
public enum TaskStatus {
    /** Routed, not yet in the department's system. */
    PLANNED,
    /** In the department's system. */
    DISPATCHED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED;

    public boolean isFinished() {
        return this == COMPLETED || this == CANCELLED;
    }
}
