package org.civic311.orchestrator.dispatch;

import java.time.Instant;

/**
 * The work one department does for one request, and what became of pushing it to the department's system.
 * (Not a Camunda task: departments work in their own systems.)
 */
public record DepartmentTask(
        long id,
        long requestId,
        String department,
        String system,
        String priority,
        Instant dueAt,
        TaskStatus status,
        String externalId,
        int dispatchAttempts,
        String lastError,
        String resolution) {
}
