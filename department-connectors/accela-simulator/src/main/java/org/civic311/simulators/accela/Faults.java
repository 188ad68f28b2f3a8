package org.civic311.simulators.accela;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The failures and quirks a test has asked for, and a count of the ones that happened. */
final class Faults {

    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger responsesToLose = new AtomicInteger();
    private final AtomicInteger responsesLost = new AtomicInteger();
    private final AtomicInteger requestsRefused = new AtomicInteger();
    private final AtomicReference<String> submitScriptRefusal = new AtomicReference<>();
    private final AtomicBoolean looseShortNotes = new AtomicBoolean();
    private final AtomicInteger searchesServed = new AtomicInteger();
    private final AtomicReference<String> commentFailure = new AtomicReference<>();
    private final AtomicInteger recordDetailsRead = new AtomicInteger();

    void goDown() {
        down.set(true);
    }

    void comeBack() {
        down.set(false);
    }

    boolean isDown() {
        return down.get();
    }

    /** Whether this request meets the outage; counts it if so. */
    boolean refuse() {
        if (!down.get()) {
            return false;
        }
        requestsRefused.incrementAndGet();
        return true;
    }

    void loseNextResponses(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        responsesToLose.set(count);
    }

    /** Whether the response to a committed record creation is to be lost; counts it if so. */
    boolean loseThisResponse() {
        boolean lose = responsesToLose.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
        if (lose) {
            responsesLost.incrementAndGet();
        }
        return lose;
    }

    int responsesLost() {
        return responsesLost.get();
    }

    int requestsRefused() {
        return requestsRefused.get();
    }

    /** The message of an agency's ApplicationSubmitBefore script that rejects every new record; null accepts them. */
    void submitScriptRefuses(String message) {
        submitScriptRefusal.set(message);
    }

    Optional<String> submitScriptRefusal() {
        return Optional.ofNullable(submitScriptRefusal.get());
    }

    void matchShortNotesLoosely(boolean loose) {
        looseShortNotes.set(loose);
    }

    boolean matchesShortNotesLoosely() {
        return looseShortNotes.get();
    }

    void searchServed() {
        searchesServed.incrementAndGet();
    }

    int searchesServed() {
        return searchesServed.get();
    }

    /** The code each new comment fails with as an item of the multi-result answer; null adds them. */
    void commentsFailWith(String code) {
        commentFailure.set(code);
    }

    Optional<String> commentFailure() {
        return Optional.ofNullable(commentFailure.get());
    }

    /** A record's workflow tasks or comments were read. */
    void recordDetailsRead() {
        recordDetailsRead.incrementAndGet();
    }

    int recordDetailsReads() {
        return recordDetailsRead.get();
    }

    void reset() {
        recordDetailsRead.set(0);
        commentFailure.set(null);
        submitScriptRefusal.set(null);
        looseShortNotes.set(false);
        searchesServed.set(0);
        down.set(false);
        responsesToLose.set(0);
        responsesLost.set(0);
        requestsRefused.set(0);
    }
}
