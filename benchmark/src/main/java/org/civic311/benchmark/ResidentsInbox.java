package org.civic311.benchmark;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

/**
 * The residents' mailbox, emptied every 10 s from the moment the departments are up, as a mail client files what it
 * read: the demo's mail server lists a folder in time that grows with the square of its size, and a storm day's
 * receipts and closure notices, listed once at the end, did not list in 14 minutes. Counts the closure notices that
 * arrived, by tracking number.
 */
final class ResidentsInbox implements AutoCloseable {

    private final String address;
    private final int imap;
    private final Map<String, Long> closures = new HashMap<>();
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "residents-inbox");
        thread.setDaemon(true);
        return thread;
    });
    /** The first take that failed: the count is then not to be trusted, and saying so is the reader's. */
    private volatile Exception failure;

    ResidentsInbox(String address, int imap) {
        this.address = address;
        this.imap = imap;
        reader.scheduleWithFixedDelay(this::takeInTurn, 10, 10, TimeUnit.SECONDS);
    }

    private void takeInTurn() {
        try {
            take();
        } catch (Exception e) {
            if (failure == null) {
                failure = e;
            }
        }
    }

    private synchronized void take() throws Exception {
        Mailbox.take(address, imap).stream()
                .filter(subject -> subject.contains("closed"))
                .map(Civic311UnderLoad.TRACKING_NUMBER::matcher).filter(Matcher::find).map(Matcher::group)
                .forEach(id -> closures.merge(id, 1L, Long::sum));
    }

    /** Every closure notice that arrived so far, by tracking number (read once more now). */
    synchronized Map<String, Long> closures() throws Exception {
        if (failure != null) {
            throw new IllegalStateException("Reading the residents' mailbox failed", failure);
        }
        take();
        return Map.copyOf(closures);
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
