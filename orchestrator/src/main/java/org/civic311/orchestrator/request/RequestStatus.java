package org.civic311.orchestrator.request;

/** Open311 knows only these two; the richer story is in the request's notes. */
public enum RequestStatus {
    OPEN, CLOSED;

    public String open311() {
        return name().toLowerCase();
    }
}
