package org.civic311.orchestrator.request;

/** A client sent a key it had used for one submission with a different one. Nothing was stored. */
public class SubmissionKeyReused extends RuntimeException {

    SubmissionKeyReused(String key) {
        super("Idempotency-Key " + key + " was used for another submission");
    }
}
