package org.civic311.orchestrator.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.PulledUpdates;
import org.civic311.connectors.UnreadableUpdate;
import org.civic311.connectors.WorkUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks one department system what its departments did since the last poll, and applies it. A system's watermark
 * moves on only once all its updates are applied (or, unreadable, kept for staff), so a failed import is fetched
 * again next time; and never past where the connector stopped reading.
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
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();
    private final Set<String> askedAgain = ConcurrentHashMap.newKeySet();

    DepartmentUpdatePoll(DepartmentSystems systems, Watermarks watermarks, WorkUpdateImport updateImport, Clock clock) {
        this.systems = systems;
        this.watermarks = watermarks;
        this.updateImport = updateImport;
        this.clock = clock;
    }

    /**
     * Polls the system now. A poll asked for while one of the same system runs (a webhook during the scheduled
     * poll) makes the running one go round again instead of running beside it.
     */
    void poll(String system) {
        ReentrantLock lock = running.computeIfAbsent(system, s -> new ReentrantLock());
        if (!lock.tryLock()) {
            askedAgain.add(system);
            return;
        }
        try {
            do {
                askedAgain.remove(system);
                pollOnce(system);
            } while (askedAgain.remove(system));
        } finally {
            lock.unlock();
        }
    }

    private void pollOnce(String system) {
        try {
            applyKeptUpdates(system);
            Instant startedAt = clock.instant();
            Instant since = watermarks.since(system, startedAt.minus(FIRST_LOOK_BACK));
            PulledUpdates pulled = systems.connector(system).pullUpdates(since);
            boolean applied = applyAll(system, pulled.updates());
            if (keepAll(system, pulled.unreadable()) && applied) {
                watermarks.advance(system, nextSince(pulled, startedAt));
            }
        } catch (ConnectorException e) {
            log.warn("Could not ask {} for updates: {}", system, e.getMessage());
        } catch (RuntimeException e) {
            // One system's trouble must not keep the others from being polled.
            log.error("Could not poll {} for updates", system, e);
        }
    }

    private void applyKeptUpdates(String system) {
        applyAll(system, updateImport.keptUpdatesNowMatching(system));
    }

    /** Where the next poll starts: a little before this one, or where the connector stopped reading. */
    private static Instant nextSince(PulledUpdates pulled, Instant startedAt) {
        Instant overlapping = startedAt.minus(OVERLAP);
        Instant readUpTo = pulled.readUpTo();
        return readUpTo != null && readUpTo.isBefore(overlapping) ? readUpTo : overlapping;
    }

    private boolean keepAll(String system, List<UnreadableUpdate> unreadable) {
        boolean allKept = true;
        for (UnreadableUpdate update : unreadable) {
            try {
                updateImport.keep(system, update);
            } catch (RuntimeException e) {
                allKept = false;
                log.error("Could not keep an unreadable update from {}; it is asked for again next round", system, e);
            }
        }
        return allKept;
    }

    private boolean applyAll(String system, List<WorkUpdate> updates) {
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
        return allApplied;
    }
}
