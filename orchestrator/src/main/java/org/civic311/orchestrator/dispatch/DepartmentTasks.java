package org.civic311.orchestrator.dispatch;

import static org.civic311.orchestrator.request.UtcColumns.instant;
import static org.civic311.orchestrator.request.UtcColumns.toColumn;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.civic311.connectors.WorkOrder;
import org.civic311.orchestrator.request.ColumnText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class DepartmentTasks {

    /** Lower-case letters and digits without the look-alikes 0/o and 1/l, for people who read keys aloud. */
    private static final String KEY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;

    DepartmentTasks(JdbcClient db) {
        this.db = db;
    }

    /** @param workType the system's own kind of work, as the routing rules named it; null where it has none */
    public long plan(long requestId, String department, String system, String priority, String workType, Instant dueAt,
                     Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO department_task (task_key, request_id, department, system_name, priority, work_type,
                            due_at, status, created_at)
                        VALUES (:key, :request, :department, :system, :priority, :workType, :due, :status, :now)""")
                .param("key", newKey())
                .param("request", requestId)
                .param("department", department)
                .param("system", system)
                .param("priority", priority)
                .param("workType", workType)
                .param("due", toColumn(dueAt))
                .param("status", TaskStatus.PLANNED.name())
                .param("now", toColumn(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /**
     * Plans the work of an earlier task again, for the same department and system, when the resident said it did not
     * fix the problem: due as long after now as the earlier task was due after it was planned.
     *
     * @return the new task, which remembers the earlier one
     */
    public DepartmentTask planAgain(long earlierTaskId, Instant now) {
        DepartmentTask earlier = get(earlierTaskId);
        Instant due = now.plus(Duration.between(earlier.plannedAt(), earlier.dueAt()));
        long id = plan(earlier.requestId(), earlier.department(), earlier.system(), earlier.priority(),
                earlier.workType(), due, now);
        db.sql("UPDATE department_task SET reopens_task_id = :earlier WHERE id = :id")
                .param("earlier", earlierTaskId).param("id", id).update();
        return get(id);
    }

    /** The task whose work this one does again, when a resident said it did not fix the problem. */
    public Optional<DepartmentTask> earlierTaskOf(DepartmentTask task) {
        return task.reopensTaskId() == null ? Optional.empty() : Optional.of(get(task.reopensTaskId()));
    }

    /** {@link WorkOrder#KEY_LENGTH} characters of 32 (5 random bits each): unique across installations. */
    private static String newKey() {
        StringBuilder key = new StringBuilder(WorkOrder.KEY_LENGTH);
        for (int i = 0; i < WorkOrder.KEY_LENGTH; i++) {
            key.append(KEY_ALPHABET.charAt(RANDOM.nextInt(KEY_ALPHABET.length())));
        }
        return key.toString();
    }

    public DepartmentTask get(long id) {
        return db.sql("SELECT * FROM department_task WHERE id = :id").param("id", id).query(this::map).single();
    }

    /** The request's latest task: the one its process waits for (an earlier one was cancelled when it was sent again). */
    public Optional<DepartmentTask> current(long requestId) {
        return db.sql("SELECT * FROM department_task WHERE request_id = :request ORDER BY id DESC LIMIT 1")
                .param("request", requestId).query(this::map).optional();
    }

    public Optional<DepartmentTask> findByExternal(String system, String externalId) {
        return db.sql("SELECT * FROM department_task WHERE system_name = :system AND external_id = :ext")
                .param("system", system).param("ext", ExternalIds.stored(externalId))
                .query(this::map).optional();
    }

    void dispatched(long id, String externalId, Instant now) {
        db.sql("""
                        UPDATE department_task SET status = :status, external_id = :ext, dispatched_at = :now,
                            dispatch_attempts = dispatch_attempts + 1, last_error = NULL WHERE id = :id""")
                .param("status", TaskStatus.DISPATCHED.name()).param("ext", ExternalIds.stored(externalId))
                .param("now", toColumn(now)).param("id", id)
                .update();
    }

    /** The department has until {@code dueAt} now. */
    public void reschedule(long id, Instant dueAt) {
        db.sql("UPDATE department_task SET due_at = :due WHERE id = :id")
                .param("due", toColumn(dueAt)).param("id", id)
                .update();
    }

    void failedAttempt(long id, String error) {
        db.sql("UPDATE department_task SET dispatch_attempts = dispatch_attempts + 1, last_error = :error WHERE id = :id")
                .param("error", ColumnText.fit(error, 1000)).param("id", id)
                .update();
    }

    void moveTo(long id, TaskStatus status, String resolution, Instant now) {
        db.sql("""
                        UPDATE department_task SET status = :status, resolution = COALESCE(:resolution, resolution),
                            completed_at = :completed WHERE id = :id""")
                .param("status", status.name())
                .param("resolution", ColumnText.fit(resolution, 4000))
                .param("completed", status.isFinished() ? toColumn(now) : null)
                .param("id", id)
                .update();
    }

    private DepartmentTask map(ResultSet rs, int row) throws SQLException {
        return new DepartmentTask(
                rs.getLong("id"),
                rs.getString("task_key"),
                rs.getLong("request_id"),
                rs.getString("department"),
                rs.getString("system_name"),
                rs.getString("priority"),
                rs.getString("work_type"),
                instant(rs, "due_at"),
                TaskStatus.valueOf(rs.getString("status")),
                rs.getString("external_id"),
                rs.getInt("dispatch_attempts"),
                rs.getString("last_error"),
                rs.getString("resolution"),
                instant(rs, "created_at"),
                rs.getObject("reopens_task_id", Long.class));
    }
}
