package org.civic311.connectors;

/** The department-side states Civic311 acts on. Each connector maps its system's statuses to these in one table. */
public enum WorkStatus {
    /** Nothing changed; the note is kept on the request. */
    COMMENT,
    /** The department has started. */
    IN_PROGRESS,
    /** The work is done: the request closes and the resident is told. */
    COMPLETED,
    /** The department will not do the work. */
    CANCELLED
}
