/**
 * Email as a department system: work goes out over SMTP as one plain-text email per task, and the department's
 * replies are read back from the orchestrator's own mailbox over IMAP.
 * <p>
 * A reply is matched to its task by a signed token (in the Message-ID, the subject and the body), accepted
 * only from the department's allowed senders, and closes the request only when its first line starts with
 * DONE (or CLOSED, COMPLETE, COMPLETED, RESOLVED). Automatic mail and quoted text are left out.
 */
package org.civic311.connectors.email;
