package org.civic311.orchestrator.dispatch;

import static org.civic311.orchestrator.request.UtcColumns.toColumn;

import java.time.Instant;

import org.civic311.connectors.WorkUpdate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every update imported from a department system, kept once (system + update id is unique). */
@Repository
class WorkUpdates {

    private final JdbcClient db;

    WorkUpdates(JdbcClient db) {
        this.db = db;
    }

    /** @return false when this update was imported before */
    boolean recordOnce(long taskId, WorkUpdate update, Instant now) {
        boolean seen = db.sql("SELECT COUNT(*) FROM work_update WHERE system_name = :system AND update_id = :update")
                .param("system", update.ref().system()).param("update", update.updateId())
                .query(Integer.class).single() > 0;
        if (seen) {
            return false;
        }
        // Two nodes importing the same update at once: the unique key fails one of them, which rolls back.
        db.sql("""
                        INSERT INTO work_update (task_id, system_name, update_id, status, note, recorded_at, imported_at)
                        VALUES (:task, :system, :update, :status, :note, :at, :now)""")
                .param("task", taskId)
                .param("system", update.ref().system())
                .param("update", update.updateId())
                .param("status", update.status().name())
                .param("note", update.note().length() > 4000 ? update.note().substring(0, 4000) : update.note())
                .param("at", toColumn(update.at()))
                .param("now", toColumn(now))
                .update();
        return true;
    }
}
