package org.civic311.orchestrator.dispatch;

import static org.civic311.orchestrator.request.UtcColumns.instant;
import static org.civic311.orchestrator.request.UtcColumns.toColumn;

import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per department system: from when the next poll asks for updates. Kept in the database so restarts lose nothing. */
@Repository
class Watermarks {

    private final JdbcClient db;

    Watermarks(JdbcClient db) {
        this.db = db;
    }

    Instant since(String system, Instant fallback) {
        return db.sql("SELECT polled_since FROM connector_watermark WHERE system_name = :system")
                .param("system", system)
                .query((rs, n) -> instant(rs, "polled_since"))
                .optional()
                .orElse(fallback);
    }

    void advance(String system, Instant since) {
        if (update(system, since) == 0) {
            try {
                db.sql("INSERT INTO connector_watermark (system_name, polled_since) VALUES (:system, :since)")
                        .param("since", toColumn(since)).param("system", system).update();
            } catch (DuplicateKeyException e) {
                // Another node wrote the system's first watermark at the same moment: now there is a row to move.
                update(system, since);
            }
        }
    }

    private int update(String system, Instant since) {
        return db.sql("UPDATE connector_watermark SET polled_since = :since WHERE system_name = :system")
                .param("since", toColumn(since)).param("system", system).update();
    }
}
