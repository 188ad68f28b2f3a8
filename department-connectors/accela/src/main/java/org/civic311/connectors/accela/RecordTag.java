package org.civic311.connectors.accela;

/**
 * Our mark on the records we create, in {@code shortNotes}: {@code civic311-task-<task key>} (34 characters).
 * <p>
 * Accela has no idempotency keys. shortNotes is written by the create call itself, so a record whose create
 * response was lost still carries it, and a retry that searches for it finds the record instead of making a
 * second one. (A custom-form field would not do: it is written by a second call that a lost response never
 * reaches.) The prefix also tells our records apart from the ones clerks create.
 */
final class RecordTag {

    static final String PREFIX = "civic311-task-";

    private RecordTag() {
    }

    static String of(String taskKey) {
        return PREFIX + taskKey;
    }

    static boolean isOurs(String shortNotes) {
        return shortNotes != null && shortNotes.strip().startsWith(PREFIX);
    }
}
