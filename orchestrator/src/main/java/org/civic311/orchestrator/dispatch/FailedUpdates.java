package org.civic311.orchestrator.dispatch;

import static org.civic311.orchestrator.request.UtcColumns.toColumn;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How often each update of a system failed to apply, counted in the database: the count outlives restarts and
 * is the same whichever node polls.
 */
@Repository
class FailedUpdates {

    private final JdbcClient db;

    FailedUpdates(JdbcClient db) {
        this.db = db;
    }

    /** Counts one more failure of the update; @return how many there have been in all */
    int countFailure(String system, String updateId, Instant now) {
        String id = ExternalIds.stored(updateId);
        int counted = db.sql("""
                        UPDATE failed_update SET failures = failures + 1, last_failed_at = :now
                        WHERE system_name = :system AND update_id = :update""")
                .param("now", toColumn(now)).param("system", system).param("update", id)
                .update();
        if (counted == 0) {
            // Only the node holding the system's poll lock gets here, so no other inserts the same row.
            db.sql("""
                            INSERT INTO failed_update (system_name, update_id, failures, last_failed_at)
                            VALUES (:system, :update, 1, :now)""")
                    .param("system", system).param("update", id).param("now", toColumn(now))
                    .update();
        }
        return db.sql("SELECT failures FROM failed_update WHERE system_name = :system AND update_id = :update")
                .param("system", system).param("update", id)
                .query(Integer.class).single();
    }
}
