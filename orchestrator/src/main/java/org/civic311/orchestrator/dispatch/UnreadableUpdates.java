package org.civic311.orchestrator.dispatch;

import static org.civic311.orchestrator.request.UtcColumns.toColumn;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.civic311.connectors.UnreadableUpdate;
import org.civic311.orchestrator.request.ColumnText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** What department systems sent that their connector could not read, kept once each (system + update id). */
@Repository
class UnreadableUpdates {

    private final JdbcClient db;

    UnreadableUpdates(JdbcClient db) {
        this.db = db;
    }

    /** @return the kept row's id; empty when it was kept before */
    Optional<Long> keepOnce(String system, UnreadableUpdate update, Optional<Long> taskId, Instant now) {
        String updateId = ExternalIds.stored(update.updateId());
        boolean known = db.sql("SELECT COUNT(*) FROM unreadable_update WHERE system_name = :system AND update_id = :update")
                .param("system", system).param("update", updateId)
                .query(Long.class).single() > 0;
        if (known) {
            return Optional.empty();
        }
        KeyHolder key = new GeneratedKeyHolder();
        // Two nodes keeping the same one at once: the unique key fails one of them, which rolls back.
        db.sql("""
                        INSERT INTO unreadable_update (system_name, update_id, external_id, task_id, reason, received_at,
                            kept_at)
                        VALUES (:system, :update, :external, :task, :reason, :received, :now)""")
                .param("system", system)
                .param("update", updateId)
                .param("external", update.ref() == null ? null : ExternalIds.stored(update.ref().id()))
                .param("task", taskId.orElse(null))
                .param("reason", ColumnText.fit(update.reason(), 1000))
                .param("received", toColumn(update.at()))
                .param("now", toColumn(now))
                .update(key, "id");
        return Optional.of(key.getKey().longValue());
    }

    /**
     * Kept ones that named a task not yet dispatched when they came (a department answering within moments of
     * the work's sending), now that the task is known.
     */
    List<Unmatched> unmatchedNowMatching(String system) {
        return db.sql("""
                        SELECT u.id, t.id AS task_id, u.reason FROM unreadable_update u
                        JOIN department_task t ON t.system_name = u.system_name AND t.external_id = u.external_id
                        WHERE u.system_name = :system AND u.task_id IS NULL ORDER BY u.id""")
                .param("system", system)
                .query((rs, n) -> new Unmatched(rs.getLong("id"), rs.getLong("task_id"), rs.getString("reason")))
                .list();
    }

    /** @return false when another node gave it its task first */
    boolean attach(Unmatched update) {
        return db.sql("UPDATE unreadable_update SET task_id = :task WHERE id = :id AND task_id IS NULL")
                .param("task", update.taskId()).param("id", update.id())
                .update() == 1;
    }

    /** A kept update that named no task of ours when it came, and the task it names now. */
    record Unmatched(long id, long taskId, String reason) {
    }
}
