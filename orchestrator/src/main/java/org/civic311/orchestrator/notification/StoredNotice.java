package org.civic311.orchestrator.notification;

import java.time.Instant;

/**
 * One notice to one resident on one channel, as rendered when its event happened.
 *
 * @param recipient personal data: sent to, stored, never logged nor shown
 */
record StoredNotice(long id, long requestId, String event, String eventKey, Channel channel, String language,
                    String recipient, String subject, String text, String html, NoticeStatus status, int attempts,
                    Instant createdAt) {

    /** What a log line may say of it. */
    String describe() {
        return "notice " + id + " (" + event + ", " + channel + ")";
    }

}
