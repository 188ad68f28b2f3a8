package org.civic311.orchestrator.dispatch;

import static org.civic311.orchestrator.request.UtcColumns.instant;
import static org.civic311.orchestrator.request.UtcColumns.toColumn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.Redaction;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.WorkUpdate;
import org.civic311.orchestrator.request.ColumnText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every update imported from a department system, kept once (system + update id is unique). An update whose work
 * item no task of ours has (yet) is kept without a task until one has.
 */
@Repository
class WorkUpdates {

    /** Ids asked about in one query: well under every database's limit on parameters. */
    private static final int IDS_PER_QUERY = 500;

    private final JdbcClient db;

    WorkUpdates(JdbcClient db) {
        this.db = db;
    }

    /** @return false when this update was applied to its task before */
    boolean recordOnce(long taskId, WorkUpdate update, Instant now) {
        Optional<Long> kept = taskOf(update);
        if (kept.isPresent()) {
            if (kept.get() != 0) {
                return false;
            }
            db.sql("UPDATE work_update SET task_id = :task, imported_at = :now WHERE system_name = :system AND update_id = :update")
                    .param("task", taskId).param("now", toColumn(now))
                    .param("system", update.ref().system()).param("update", ExternalIds.stored(update.updateId()))
                    .update();
            return true;
        }
        insert(taskId, update, now);
        return true;
    }

    /**
     * Of these update ids of one system, the ones already applied to a task. A poll's window overlaps the last one's,
     * so most of what it reads is known: one query per few hundred ids tells them apart, not two per update.
     */
    Set<String> appliedAmong(String system, Collection<String> updateIds) {
        Map<String, String> byStored = updateIds.stream().distinct()
                .collect(Collectors.toMap(ExternalIds::stored, Function.identity(), (a, b) -> a));
        List<String> stored = new ArrayList<>(byStored.keySet());
        Set<String> applied = new HashSet<>();
        for (int from = 0; from < stored.size(); from += IDS_PER_QUERY) {
            db.sql("""
                            SELECT update_id FROM work_update
                            WHERE system_name = :system AND update_id IN (:ids) AND task_id IS NOT NULL""")
                    .param("system", system)
                    .param("ids", stored.subList(from, Math.min(from + IDS_PER_QUERY, stored.size())))
                    .query(String.class).list()
                    .forEach(id -> applied.add(byStored.get(id)));
        }
        return applied;
    }

    /** Keeps an update no task of ours matches yet; false when it was kept before. */
    boolean keepUnmatched(WorkUpdate update, Instant now) {
        if (taskOf(update).isPresent()) {
            return false;
        }
        insert(null, update, now);
        return true;
    }

    /** Kept updates of this system whose work item is now a task of ours, oldest first. */
    List<WorkUpdate> unmatchedNowMatching(String system) {
        return db.sql("""
                        SELECT u.update_id, u.external_id, u.status, u.note, u.recorded_at FROM work_update u
                        JOIN department_task t ON t.system_name = u.system_name AND t.external_id = u.external_id
                        WHERE u.system_name = :system AND u.task_id IS NULL ORDER BY u.id""")
                .param("system", system)
                .query((rs, n) -> new WorkUpdate(new ExternalRef(system, rs.getString("external_id")),
                        rs.getString("update_id"), WorkStatus.valueOf(rs.getString("status")), rs.getString("note"),
                        instant(rs, "recorded_at")))
                .list();
    }

    /** The task the update was recorded for: 0 for a kept unmatched one; empty when never seen. */
    private Optional<Long> taskOf(WorkUpdate update) {
        return db.sql("SELECT COALESCE(task_id, 0) FROM work_update WHERE system_name = :system AND update_id = :update")
                .param("system", update.ref().system()).param("update", ExternalIds.stored(update.updateId()))
                .query(Long.class).optional();
    }

    private void insert(Long taskId, WorkUpdate update, Instant now) {
        // Two nodes importing the same update at once: the unique key fails one of them, which rolls back.
        db.sql("""
                        INSERT INTO work_update (task_id, system_name, update_id, external_id, status, note, recorded_at,
                            imported_at)
                        VALUES (:task, :system, :update, :external, :status, :note, :at, :now)""")
                .param("task", taskId)
                .param("system", update.ref().system())
                .param("update", ExternalIds.stored(update.updateId()))
                .param("external", ExternalIds.stored(update.ref().id()))
                .param("status", update.status().name())
                .param("note", ColumnText.fit(Redaction.withoutReferences(update.note()), 4000))
                .param("at", toColumn(update.at()))
                .param("now", toColumn(now))
                .update();
    }
}
