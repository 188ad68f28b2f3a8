package org.civic311.orchestrator.sms;

/**
 * Sends a text message to a resident's phone: Twilio's Messages API in production, another provider in one class.
 * A number that opted out (STOP) is never texted: the sender refuses it before calling the provider.
 *
 * <p>SMS is optional: a city that has configured no provider ({@code civic311.sms.twilio.enabled} unset) runs without
 * it, and then there is no {@code SmsSender} bean at all. Inject {@code Optional<SmsSender>} (or an
 * {@code ObjectProvider}) and treat an empty one as "SMS is not offered here": fall back to email, or to no notice.
 */
public interface SmsSender {

    /**
     * @param to   the number in E.164 form, e.g. {@code +13125550100}
     * @param text the message, already rendered and kept short
     * @return the provider's id of the message, the key its delivery reports carry
     * @throws SmsRefused when the number cannot be texted and a retry would not change it
     * @throws RuntimeException for a failure worth retrying (provider unreachable, throttled)
     */
    String send(String to, String text);
}
