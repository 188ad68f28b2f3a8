package org.civic311.orchestrator.notification;

import java.time.Instant;

/**
 * A stored notice as staff see it: everything but the recipient and the words.
 *
 * @param status         PENDING, SENDING, SENT, FAILED (see {@code lastError}) or UNSENDABLE (no SMS provider)
 * @param providerId     the mail's Message-ID or the SMS provider's message id
 * @param deliveryStatus what the SMS provider last reported about delivery
 */
public record NoticeRecord(long id, String event, String channel, String language, String status, int attempts,
                           String providerId, String deliveryStatus, String lastError, Instant createdAt,
                           Instant sentAt) {
}
