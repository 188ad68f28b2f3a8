package org.civic311.orchestrator.request;

import java.time.Instant;

/** One step in a request's public history (Open311's update-history extension). */
public record RequestNote(String type, String description, Instant at) {

    /** Note types, as Open311 front ends show them. */
    public static final String SUBMITTED = "submitted";
    public static final String ROUTED = "routed";
    public static final String DISPATCHED = "dispatched";
    public static final String ACTIVITY = "activity";
    public static final String CLOSED = "closed";
    /** The resident said the work did not fix it: the department works on it again. */
    public static final String REOPENED = "reopened";
    /** A resident's comment, sent by an Open311 client. */
    public static final String COMMENT = "comment";
}
