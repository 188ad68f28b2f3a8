package org.civic311.simulators.kit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The department's staff, when a simulated site is asked to play them: each piece of work that arrives is
 * finished a fixed time later (the demo under load, the benchmark). Off unless given a positive delay.
 */
public final class StaffAtWork implements AutoCloseable {

    private static final System.Logger log = System.getLogger(StaffAtWork.class.getName());

    private final Duration finishAfter;
    private final ScheduledExecutorService staff;
    private final AtomicInteger finished = new AtomicInteger();

    /** @param finishAfter how long after its arrival a piece of work is finished; null or zero: staff do nothing */
    public StaffAtWork(Duration finishAfter, String site) {
        this.finishAfter = finishAfter == null || finishAfter.isZero() || finishAfter.isNegative() ? null : finishAfter;
        this.staff = this.finishAfter == null ? null : Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, site + "-staff");
            thread.setDaemon(true);
            return thread;
        });
    }

    public boolean isWorking() {
        return staff != null;
    }

    /** Finishes the work later with {@code finish}; does nothing when the staff are not played. */
    public void arrived(Runnable finish) {
        if (staff == null) {
            return;
        }
        staff.schedule(() -> {
            try {
                finish.run();
                finished.incrementAndGet();
            } catch (RuntimeException e) {
                // Closed or cancelled by someone else meanwhile: nothing left to do.
                log.log(System.Logger.Level.DEBUG, "Simulated staff could not finish a piece of work: " + e.getMessage());
            }
        }, finishAfter.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many pieces of work the staff finished. */
    public int finished() {
        return finished.get();
    }

    @Override
    public void close() {
        if (staff != null) {
            staff.shutdownNow();
        }
    }
}
