package org.civic311.simulators.kit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The network failures a test asks a simulated system for: the whole system down (every call refused), or the
 * answers to the next calls that change something lost on the way back although the change was made. Counts the
 * ones that happened, so a test can tell its fault was met.
 */
public class Outage {

    private volatile boolean down;
    private final AtomicInteger responsesToLose = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();

    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    public boolean isDown() {
        return down;
    }

    /** True (and counted) when a call arrives while the system is down. */
    public boolean refuse() {
        if (!down) {
            return false;
        }
        refused.incrementAndGet();
        return true;
    }

    /** The answers to the next {@code responses} changing calls are lost; the changes are made. */
    public void loseNext(int responses) {
        if (responses < 0) {
            throw new IllegalArgumentException("responses must not be negative: " + responses);
        }
        responsesToLose.set(responses);
    }

    /** True (and counted) when this answer is to be lost; uses up one of the planned losses. */
    public boolean loseThisResponse() {
        boolean lose = responsesToLose.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
        if (lose) {
            lost.incrementAndGet();
        }
        return lose;
    }

    /** Calls refused while down. */
    public int refused() {
        return refused.get();
    }

    /** Answers lost. */
    public int lost() {
        return lost.get();
    }

    public void reset() {
        down = false;
        responsesToLose.set(0);
        refused.set(0);
        lost.set(0);
    }
}
