package org.civic311.orchestrator.dispatch;

import java.time.Instant;

/**
 * The work one department does for one request, and what became of pushing it to the department's system.
 * (Not a Camunda task: departments work in their own systems.)
 *
 * @param key what the department's system knows the task by: random, so that a restored database or another
 *            installation against the same site, whose numeric ids repeat, never takes someone else's item for it
 * @param workType the department system's own kind of work (Cityworks problem code, Accela record type), as routed;
 *                 null for a system that has none
 * @param plannedAt when the task was planned: when its request was accepted, or when the resident sent the work back
 * @param reopensTaskId the task whose work this one does again, when a resident said it did not fix the problem
 */
public record DepartmentTask(
        long id,
        String key,
        long requestId,
        String department,
        String system,
        String priority,
        String workType,
        Instant dueAt,
        TaskStatus status,
        String externalId,
        int dispatchAttempts,
        String lastError,
        String resolution,
        Instant plannedAt,
        Long reopensTaskId) {
}
