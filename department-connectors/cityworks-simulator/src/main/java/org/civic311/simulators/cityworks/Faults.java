package org.civic311.simulators.cityworks;

import java.util.concurrent.atomic.AtomicInteger;

/** The failures tests ask for: the whole site down, or answers to Create calls lost on the way back. */
final class Faults {

    private volatile boolean down;
    private final AtomicInteger responsesToLose = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();

    void goDown() {
        down = true;
    }

    void comeBack() {
        down = false;
    }

    boolean isDown() {
        return down;
    }

    /** True (and counted) when a call arrives while the site is down. */
    boolean refuse() {
        if (!down) {
            return false;
        }
        refused.incrementAndGet();
        return true;
    }

    void loseNext(int responses) {
        if (responses < 0) {
            throw new IllegalArgumentException("responses must not be negative");
        }
        responsesToLose.set(responses);
    }

    /** True (and counted) when this Create's answer is to be lost; uses up one of the planned losses. */
    boolean loseThisResponse() {
        boolean lose = responsesToLose.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
        if (lose) {
            lost.incrementAndGet();
        }
        return lose;
    }

    int refused() {
        return refused.get();
    }

    int lost() {
        return lost.get();
    }

    void reset() {
        down = false;
        responsesToLose.set(0);
        refused.set(0);
        lost.set(0);
    }
}
