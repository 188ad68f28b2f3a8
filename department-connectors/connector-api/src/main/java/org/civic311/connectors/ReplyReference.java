package org.civic311.connectors;

/**
 * The shape of a Civic311 reply reference, {@code C311-<task key>.<department>.<signature>}: the email connector
 * issues and reads it, {@link Redaction} keeps it out of every note. One definition, so both see the same strings.
 */
public final class ReplyReference {

    public static final String PREFIX = "C311-";

    /** A task's key ({@link WorkOrder#KEY_LENGTH} characters; tasks made before keys existed have their number). */
    public static final String TASK_KEY = "[a-z0-9]{1," + WorkOrder.KEY_LENGTH + "}";

    public static final String DEPARTMENT = "[a-z0-9_-]+";

    public static final int SIGNATURE_HEX_CHARS = 20;

    /** The whole reference; groups 1 to 3 are the task key, the department and the signature. */
    public static final String SHAPE = PREFIX + "(" + TASK_KEY + ")\\.(" + DEPARTMENT + ")\\.([0-9a-f]{"
            + SIGNATURE_HEX_CHARS + "})";

    private ReplyReference() {
    }
}
