package org.civic311.simulators.kit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The simulated server's clock: real time plus an offset tests can move, like a server whose clock is
 * ahead. Whole seconds by default, because that is all the wire formats carry; a site on SQL Server keeps
 * milliseconds all the same and compares them in searches, which a test can ask for.
 */
public final class SimulatorClock {

    private volatile Duration offset = Duration.ZERO;
    private volatile boolean fractions;

    public Instant now() {
        Instant now = Instant.now().plus(offset);
        return fractions ? now.truncatedTo(ChronoUnit.MILLIS) : now.truncatedTo(ChronoUnit.SECONDS);
    }

    public synchronized void setTo(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    public void keepFractions(boolean keep) {
        fractions = keep;
    }

    public synchronized void shift(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        fractions = false;
        offset = Duration.ZERO;
    }
}
