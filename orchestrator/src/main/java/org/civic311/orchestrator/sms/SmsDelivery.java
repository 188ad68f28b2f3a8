package org.civic311.orchestrator.sms;

/**
 * What the provider reported about a message it took: published as a Spring application event from the verified
 * status callback.
 *
 * @param messageId the provider's id, as {@link SmsSender#send} returned it
 * @param status    the provider's status word, e.g. {@code delivered}, {@code undelivered}, {@code failed}
 * @param errorCode the provider's error code for a failure, else {@code null}
 */
public record SmsDelivery(String messageId, String status, String errorCode) {
}
