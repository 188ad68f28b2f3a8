package org.civic311.simulators.kit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The simulated server's clock: real time plus an offset tests can move, like a server whose clock is
 * ahead. Whole seconds, because that is all the wire formats carry; storing more would make a client's
 * watermark taken from a returned date disagree with what a search compares.
 */
public final class SimulatorClock {

    private volatile Duration offset = Duration.ZERO;

    public Instant now() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.SECONDS);
    }

    public synchronized void shift(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }
}
