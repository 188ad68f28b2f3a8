package org.civic311.orchestrator.routing;

/** A what-if over a period in which no request was made. */
public class NoRequestsToReplay extends RuntimeException {

    public NoRequestsToReplay(String message) {
        super(message);
    }
}
