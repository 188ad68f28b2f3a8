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

    @Override
    public void reset() {
        super.reset();
        submitScriptRefusal.set(null);
        looseShortNotes.set(false);
        searchesServed.set(0);
    }
}
