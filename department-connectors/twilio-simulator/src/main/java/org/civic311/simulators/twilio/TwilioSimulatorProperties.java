package org.civic311.simulators.twilio;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code civic311.simulators.twilio.*}: the simulated Twilio account. Every default lives here, so tests and the demo
 * reshape the account by configuration.
 *
 * @param enabled              serve the simulator from this application. Off unless asked for
 * @param basePath             where the simulated {@code https://api.twilio.com} lives; {@code /2010-04-01/...}
 *                             follows it. No trailing slash; empty mounts it at the root (the standalone server)
 * @param accountSid           the account's SID (HTTP Basic user name, and the {@code {AccountSid}} in every path)
 * @param authToken            the account's auth token: the HTTP Basic password, and the key status callbacks and
 *                             inbound webhooks are signed with
 * @param testAccountSid       the account's test credentials: with them the documented magic numbers apply and
 *                             nothing is stored or sent
 * @param testAuthToken        the test credentials' auth token
 * @param phoneNumbers         the account's SMS-capable numbers, the only {@code From} values it accepts
 * @param messagingServiceSid  a Messaging Service of the account (MG…): sends from the first of {@code phoneNumbers}
 * @param landlines            numbers the simulated carrier lookup reports as landlines: sending to one is refused
 *                             with 21614, as Twilio refuses a number that cannot receive SMS
 * @param unreachable          numbers whose messages are accepted but end {@code undelivered} with 30003
 *                             (unreachable destination handset)
 * @param deliveryDelay        how long each step queued → sent → delivered takes
 * @param smsUrl               the webhook of the account's numbers for "a message comes in": where
 *                             {@code POST <base>/inbound} forwards a resident's text, signed. None: texts are only stored
 * @param callbackTimeout      how long a status callback or inbound webhook may take to answer
 */
@ConfigurationProperties(prefix = "civic311.simulators.twilio")
public record TwilioSimulatorProperties(
        boolean enabled,
        @DefaultValue("/sim/twilio") String basePath,
        @DefaultValue(TwilioSimulatorProperties.DEMO_ACCOUNT_SID) String accountSid,
        @DefaultValue("demo") String authToken,
        @DefaultValue("AC11111111111111111111111111111111") String testAccountSid,
        @DefaultValue("demo-test") String testAuthToken,
        @DefaultValue("+12025550100") List<String> phoneNumbers,
        @DefaultValue("MG00000000000000000000000000000000") String messagingServiceSid,
        List<String> landlines,
        List<String> unreachable,
        @DefaultValue("200ms") Duration deliveryDelay,
        URI smsUrl,
        @DefaultValue("5s") Duration callbackTimeout) {

    public static final String DEMO_ACCOUNT_SID = "AC00000000000000000000000000000000";

    public TwilioSimulatorProperties {
        landlines = landlines == null ? List.of() : List.copyOf(landlines);
        unreachable = unreachable == null ? List.of() : List.copyOf(unreachable);
        if (!basePath.isEmpty() && (!basePath.startsWith("/") || basePath.endsWith("/"))) {
            throw new IllegalArgumentException(
                    "civic311.simulators.twilio.base-path must start with / and not end with one: " + basePath);
        }
    }
}
