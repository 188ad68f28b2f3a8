package org.civic311.orchestrator.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.PulledUpdates;
import org.civic311.connectors.UnreadableUpdate;
import org.civic311.connectors.WorkUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.integration.support.locks.RenewableLockRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Asks one department system what its departments did since the last poll, and applies it. A system's watermark
 * moves on only once all its updates are applied (or, unreadable, kept for staff), so a failed import is fetched
 * again next time; and never past where the connector stopped reading. An update that still fails after a few
 * rounds is kept for staff too, so the updates behind it are not held up for ever.
 */
@Component
class DepartmentUpdatePoll {

    private static final Logger log = LoggerFactory.getLogger(DepartmentUpdatePoll.class);

    /** Asks a little further back than the last poll: clocks differ, and updates are idempotent anyway. */
    private static final Duration OVERLAP = Duration.ofMinutes(5);
    /** How far back the very first poll of a system looks. */
    private static final Duration FIRST_LOOK_BACK = Duration.ofDays(1);
    /** Lock keys, one per system, in Spring Integration's lock table. */
    static final String POLL_LOCK_PREFIX = "department-update-poll:";
    /** A nudge that finds another node polling tries again this often, this many times in all. */
    private static final Duration NUDGE_RETRY = Duration.ofSeconds(5);
    private static final int NUDGE_ATTEMPTS = 6;
    /** After this many failed rounds an update is kept for staff instead of holding the watermark. */
    static final int APPLY_ATTEMPTS = 3;
    /** While the updates of a poll are applied, the poll lock is renewed this often at most. */
    private static final Duration RENEW_AT_MOST_EVERY = Duration.ofSeconds(10);
    /** How long a stop waits for the polls it interrupted to end. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final DepartmentSystems systems;
    private final Watermarks watermarks;
    private final WorkUpdateImport updateImport;
    private final Clock clock;
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();
    private final Set<String> askedAgain = ConcurrentHashMap.newKeySet();
    private final FailedUpdates failures;
    private final RenewableLockRegistry clusterLocks;
    private final TaskScheduler scheduler;

    private final DispatchMeters meters;
    private final ExecutorService pollers;
    /** Systems whose poll is queued on {@link #pollers} and not yet begun. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final ExecutorService importers;
    private final long renewEveryNanos;
    private volatile boolean stopping;

    /**
     * @param importThreads how many work items' updates are applied side by side ({@code civic311.dispatch.import-threads}):
     *                      each applies in its own transaction, and a busy day's completions would otherwise queue
     *                      behind one another's commits
     * @param lockTimeToLive {@code civic311.dispatch.poll-lock-time-to-live}: the lock is renewed well within it
     */
    DepartmentUpdatePoll(DepartmentSystems systems, Watermarks watermarks, WorkUpdateImport updateImport,
                         FailedUpdates failures, Clock clock, RenewableLockRegistry clusterLocks,
                         TaskScheduler scheduler, DispatchMeters meters,
                         @Value("${civic311.dispatch.import-threads:4}") int importThreads,
                         @Value("${civic311.dispatch.poll-lock-time-to-live}") Duration lockTimeToLive) {
        this.renewEveryNanos = Math.min(RENEW_AT_MOST_EVERY.toNanos(), lockTimeToLive.toNanos() / 3);
        this.importers = Executors.newFixedThreadPool(Math.max(1, importThreads), daemonThreads("department-import-"));
        // At most two per system: one polling, one queued behind it (see pollApart).
        this.pollers = Executors.newCachedThreadPool(daemonThreads("department-poll-"));
        this.systems = systems;
        this.meters = meters;
        this.watermarks = watermarks;
        this.updateImport = updateImport;
        this.failures = failures;
        this.clock = clock;
        this.clusterLocks = clusterLocks;
        this.scheduler = scheduler;
    }

    /**
     * Polls the system now, unless another node of the cluster is polling it: then this round is skipped (that
     * node's poll or the next round brings the news). A poll asked for while one of the same system runs on this
     * node (a webhook during the scheduled poll) makes the running one go round again instead of running beside it.
     *
     * @return false when another node was polling the system, so nothing was asked
     */
    boolean poll(String system) {
        ReentrantLock lock = running.computeIfAbsent(system, s -> new ReentrantLock());
        if (!lock.tryLock()) {
            askedAgain.add(system);
            return true;
        }
        try {
            boolean polled;
            do {
                askedAgain.remove(system);
                polled = pollOnceInCluster(system);
            } while (polled && askedAgain.remove(system));
            return polled;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The scheduled round's poll of the system, on a thread apart (see {@link #pollApart}); none while the last one
     * still runs on this node, so a busy system is asked again a round after it is done, not back to back.
     */
    void pollInRound(String system) {
        ReentrantLock lock = running.get(system);
        if (lock == null || !lock.isLocked()) {
            pollApart(system, () -> poll(system));
        }
    }

    /**
     * A webhook's nudge: polls soon, on a thread apart, so the webhook is answered at once; while another node is
     * polling the system (and may have asked before the change), again a little later, so the news is not left
     * waiting for the next scheduled round.
     */
    void nudge(String system) {
        pollApart(system, () -> nudge(system, 1));
    }

    private void nudge(String system, int attempt) {
        if (!poll(system) && attempt < NUDGE_ATTEMPTS) {
            scheduler.schedule(() -> pollApart(system, () -> nudge(system, attempt + 1)),
                    clock.instant().plus(NUDGE_RETRY));
        }
    }

    /**
     * Runs a poll of the system on a thread of its own, so that no system waits for another: one with much to apply,
     * or one whose webhooks keep its poll going round, would hold up every system polled after it. A poll already
     * queued for the system and not yet begun stands for this one too.
     */
    private void pollApart(String system, Runnable poll) {
        if (!queued.add(system)) {
            return;
        }
        try {
            pollers.execute(() -> {
                queued.remove(system);
                poll.run();
            });
        } catch (RejectedExecutionException stopping) {
            queued.remove(system);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * One poll of the system across the cluster at a time: the lock is a row in the database (INT_LOCK). It is
     * renewed while the poll runs; when another node has taken it over meanwhile, renewing fails and this poll stops
     * without moving the watermark.
     */
    private boolean pollOnceInCluster(String system) {
        String key = POLL_LOCK_PREFIX + system;
        Lock cluster = clusterLocks.obtain(key);
        boolean held;
        try {
            held = cluster.tryLock();
        } catch (RuntimeException e) {
            log.warn("Could not take the poll lock of {}; this round is skipped: {}", system, e.getMessage());
            return false;
        }
        if (!held) {
            log.debug("Another node is polling {}; this node skips the round", system);
            return false;
        }
        try {
            pollOnce(system, () -> clusterLocks.renewLock(key));
            return true;
        } finally {
            unlock(system, cluster);
        }
    }

    private void unlock(String system, Lock cluster) {
        try {
            cluster.unlock();
        } catch (ConcurrentModificationException e) {
            if (stopping) {
                log.info("The poll lock of {} went with this node's lock rows at its stop", system);
                return;
            }
            log.error("The poll lock of {} expired while this node polled and another node may have polled {} at "
                    + "the same time; raise civic311.dispatch.poll-lock-time-to-live", system, system);
        } catch (RuntimeException e) {
            // The database is gone: the lock expires by itself.
            log.warn("Could not release the poll lock of {}: {}", system, e.getMessage());
        }
    }

    /** @param stillPolling renews the poll lock; throws when another node has taken it over */
    private void pollOnce(String system, Runnable stillPolling) {
        try {
            applyAll(system, updateImport.keptUpdatesNowMatching(system), stillPolling);
            attachUnreadableNowMatching(system);
            Instant startedAt = clock.instant();
            Instant since = watermarks.since(system, startedAt.minus(FIRST_LOOK_BACK));
            stillPolling.run();
            PulledUpdates pulled = systems.connector(system).pullUpdates(since);
            boolean applied = applyAll(system, updateImport.notYetApplied(pulled.updates()), stillPolling);
            if (keepAll(system, pulled.unreadable()) && applied) {
                watermarks.advance(system, nextSince(pulled, startedAt));
            }
        } catch (RuntimeException e) {
            if (stopping) {
                log.info("The poll of {} ended with this node's stop; the next poll asks from the same point", system);
                return;
            }
            meters.connectorError(system, DispatchMeters.Operation.POLL);
            if (e instanceof ConnectorException) {
                log.warn("Could not ask {} for updates: {}", system, e.getMessage());
            } else {
                // One system's trouble must not keep the others from being polled.
                log.error("Could not poll {} for updates", system, e);
            }
        }
    }

    /**
     * Where the next poll starts: where the connector says, on its system's clock (where it stopped reading, or just
     * before the newest update it saw); else a little before this one began. Never the earlier of the two: with more
     * than a poll's worth of updates inside the overlap, every poll would read the same first ones again and never
     * reach the rest.
     */
    private static Instant nextSince(PulledUpdates pulled, Instant startedAt) {
        return pulled.readUpTo() != null ? pulled.readUpTo() : startedAt.minus(OVERLAP);
    }

    private void attachUnreadableNowMatching(String system) {
        for (UnreadableUpdates.Unmatched update : updateImport.unreadableNowMatching(system)) {
            try {
                updateImport.attachUnreadable(system, update);
            } catch (RuntimeException e) {
                // It stays in the table for staff; this poll goes on and the next one tries again.
                log.error("Could not show unreadable update {} from {} on its task's process", update.id(), system, e);
            }
        }
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

    /**
     * Interrupts the polls, lets the updates being applied finish, and waits for both: a poll still running once the
     * node's lock rows are cleared would find its lock gone and report it as taken over by another node, and an
     * update still being applied once its poll's lock is gone could be applied beside another node's poll.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        pollers.shutdownNow();
        // Not interrupted: an update is applied in one transaction, and the ones not begun see their poll stopped.
        importers.shutdown();
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        try {
            boolean ended = pollers.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)
                    && importers.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (!ended) {
                log.warn("A department poll was still running {} s after this node's stop began; its lock goes with "
                        + "the node's lock rows", STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Applies the updates: those of one work item in their order, on one thread; different work items side by side.
     * The poll lock is renewed meanwhile. When the poll stops early (another node took the lock over), the updates not
     * yet begun are left and the ones being applied finish before the lock is released: the next poll, here or on
     * another node, must not apply an item's updates beside this one.
     *
     * @return whether every update was applied, or after its last attempt kept for staff
     */
    private boolean applyAll(String system, List<WorkUpdate> updates, Runnable stillPolling) {
        if (updates.isEmpty()) {
            return true;
        }
        stillPolling.run();
        Map<ExternalRef, List<WorkUpdate>> byItem = updates.stream()
                .collect(Collectors.groupingBy(WorkUpdate::ref, LinkedHashMap::new, Collectors.toList()));
        AtomicBoolean stopped = new AtomicBoolean();
        List<Future<Boolean>> items = new ArrayList<>();
        byItem.values().forEach(itemUpdates -> items.add(
                importers.submit(() -> applyInOrder(system, itemUpdates, stopped))));
        try {
            return awaitRenewing(items, stillPolling);
        } catch (RuntimeException | Error e) {
            stopped.set(true);
            items.forEach(DepartmentUpdatePoll::awaitQuietly);
            throw e;
        }
    }

    private boolean applyInOrder(String system, List<WorkUpdate> updates, AtomicBoolean stopped) {
        boolean allDone = true;
        for (WorkUpdate update : updates) {
            if (stopped.get()) {
                return false;
            }
            try {
                updateImport.apply(update);
            } catch (RuntimeException e) {
                allDone &= failed(system, update, e);
            }
        }
        return allDone;
    }

    /** Waits for every work item, renewing the poll lock on time; throws when another node took it over. */
    private boolean awaitRenewing(List<Future<Boolean>> items, Runnable stillPolling) {
        long renewAt = System.nanoTime() + renewEveryNanos;
        boolean allDone = true;
        for (Future<Boolean> item : items) {
            while (true) {
                long wait = renewAt - System.nanoTime();
                if (wait <= 0) {
                    stillPolling.run();
                    renewAt = System.nanoTime() + renewEveryNanos;
                    continue;
                }
                try {
                    allDone &= item.get(wait, TimeUnit.NANOSECONDS);
                    break;
                } catch (TimeoutException stillApplying) {
                    // renewed at the top of the loop
                } catch (ExecutionException e) {
                    throw new IllegalStateException("Applying updates failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while applying updates", e);
                }
            }
        }
        return allDone;
    }

    /**
     * Waits until the work item has stopped, however it ended, even when this poll was interrupted: its lock must
     * not be released while an update is being applied.
     */
    private static void awaitQuietly(Future<Boolean> item) {
        boolean interrupted = false;
        while (true) {
            try {
                item.get();
                break;
            } catch (ExecutionException | CancellationException ended) {
                break; // it has stopped: that is all that is asked
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return whether the update is dealt with: kept for staff after its last attempt */
    private boolean failed(String system, WorkUpdate update, RuntimeException failure) {
        if (stopping) {
            log.info("Update {} from {} was not applied before this node's stop; it is asked for again next round",
                    update.updateId(), system);
            return false;
        }
        try {
            int failed = failures.countFailure(system, update.updateId(), clock.instant());
            if (failed < APPLY_ATTEMPTS) {
                log.error("Could not apply update {} from {} (attempt {} of {}); it is asked for again next round",
                        update.updateId(), system, failed, APPLY_ATTEMPTS, failure);
                return false;
            }
            log.error("Could not apply update {} from {} in {} attempts; it is kept for staff", update.updateId(),
                    system, failed, failure);
            // The class only: the message may quote what the department sent. The error log has the rest.
            updateImport.keep(system, new UnreadableUpdate(update.updateId(), update.ref(),
                    "It could not be applied in " + failed + " attempts: " + failure.getClass().getName(),
                    update.at()));
            return true;
        } catch (RuntimeException e) {
            log.error("Could not count or keep the failed update {} from {}; it is asked for again next round",
                    update.updateId(), system, e);
            return false;
        }
    }
}
