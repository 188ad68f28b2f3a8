package org.civic311.connectors.email;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The work emails this process has sent, by reference (task and department), so that pushing the same task again
 * (the engine retries a job whose push went through but whose commit did not) sends no second copy. Mail cannot be
 * searched for what was sent, so after a restart, or on another node, a retry still sends one. Bounded: the oldest
 * references are forgotten first. Thread-safe.
 */
final class SentWork {

    static final int REMEMBERED = 10_000;

    private final Map<String, Boolean> sent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    synchronized boolean contains(String reference) {
        return sent.containsKey(reference);
    }

    synchronized void add(String reference) {
        sent.put(reference, Boolean.TRUE);
    }
}
