package org.civic311.orchestrator.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.WorkUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks one department system what its departments did since the last poll, and applies it. A system's watermark
 * moves on only once all its updates are applied, so a failed import is fetched again next time.
 */
@Component
class DepartmentUpdatePoll {

    private static final Logger log = LoggerFactory.getLogger(DepartmentUpdatePoll.class);

    /** Asks a little further back than the last poll: clocks differ, and updates are idempotent anyway. */
    private static final Duration OVERLAP = Duration.ofMinutes(5);
    /** How far back the very first poll of a system looks. */
    private static final Duration FIRST_LOOK_BACK = Duration.ofDays(1);

    private final DepartmentSystems systems;
    private final Watermarks watermarks;
    private final WorkUpdateImport updateImport;
    private final Clock clock;

    DepartmentUpdatePoll(DepartmentSystems systems, Watermarks watermarks, WorkUpdateImport updateImport, Clock clock) {
        this.systems = systems;
        this.watermarks = watermarks;
        this.updateImport = updateImport;
        this.clock = clock;
    }

    void poll(String system) {
        Instant startedAt = clock.instant();
        Instant since = watermarks.since(system, startedAt.minus(FIRST_LOOK_BACK));
        List<WorkUpdate> updates;
        try {
            updates = systems.connector(system).pullUpdates(since);
        } catch (ConnectorException e) {
            log.warn("Could not ask {} for updates: {}", system, e.getMessage());
            return;
        }
        boolean allApplied = true;
        for (WorkUpdate update : updates) {
            try {
                updateImport.apply(update);
            } catch (RuntimeException e) {
                allApplied = false;
                log.error("Could not apply update {} from {}; it is asked for again next round", update.updateId(),
                        system, e);
            }
        }
        if (allApplied) {
            watermarks.advance(system, startedAt.minus(OVERLAP));
        }
    }
}
