package org.civic311.orchestrator.dispatch;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.civic311.connectors.KnownWorkItems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The work items our tasks were dispatched as, by the ids the department systems gave them. */
@Component
class DispatchedItems implements KnownWorkItems {

    /** Ids asked about in one query, well under any database's limit on parameters. */
    private static final int BATCH = 500;

    private final JdbcClient db;

    DispatchedItems(JdbcClient db) {
        this.db = db;
    }

    @Override
    public Set<String> known(String system, Collection<String> ids) {
        List<String> asked = ids.stream().filter(id -> id != null && id.length() <= ExternalIds.COLUMN_SIZE)
                .distinct().toList();
        Set<String> known = new HashSet<>();
        for (int from = 0; from < asked.size(); from += BATCH) {
            known.addAll(db.sql("SELECT external_id FROM department_task WHERE system_name = :system"
                            + " AND external_id IN (:ids)")
                    .param("system", system).param("ids", asked.subList(from, Math.min(asked.size(), from + BATCH)))
                    .query(String.class).list());
        }
        return known;
    }
}
