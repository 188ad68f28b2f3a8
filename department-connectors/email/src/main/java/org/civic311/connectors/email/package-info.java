/**
 * Email as a department system: work goes out over SMTP as one plain-text email per task, and the department's
 * replies are read back from the orchestrator's own mailbox over IMAP.
 * <p>
 * A reply is matched to its task by a signed token (in the Message-ID, the subject and the body), accepted
 * only from the department's allowed senders, and closes the request only when its first line starts with
 * DONE (or CLOSED, COMPLETE, COMPLETED, RESOLVED); any other reply is a comment, which Civic311 keeps for staff.
 * Automatic mail and quoted text are left out; a reply that cannot be read is reported as unreadable, not skipped.
 * <p>
 * The reply mailbox is only ever read, by the date each reply arrived, oldest first and a bounded number per poll:
 * nothing is marked read or flagged, so how far Civic311 has got is its own watermark, and a person may read the
 * mailbox too.
 */
package org.civic311.connectors.email;
