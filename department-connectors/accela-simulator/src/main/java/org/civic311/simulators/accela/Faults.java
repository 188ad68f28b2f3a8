package org.civic311.simulators.accela;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.civic311.simulators.kit.Outage;

/** The outage, failures and quirks a test has asked for, and a count of the ones that happened. */
final class Faults extends Outage {

    private final AtomicReference<String> submitScriptRefusal = new AtomicReference<>();
    private final AtomicBoolean looseShortNotes = new AtomicBoolean();
    private final AtomicInteger searchesServed = new AtomicInteger();
    private final AtomicReference<String> commentFailure = new AtomicReference<>();
    private final AtomicInteger recordDetailsRead = new AtomicInteger();

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

    @Override
    public void reset() {
        super.reset();
        recordDetailsRead.set(0);
        commentFailure.set(null);
        submitScriptRefusal.set(null);
        looseShortNotes.set(false);
        searchesServed.set(0);
    }
}
