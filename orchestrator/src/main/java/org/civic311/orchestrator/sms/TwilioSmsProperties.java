package org.civic311.orchestrator.sms;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.civic311.connectors.SecretSetting;
import org.civic311.connectors.Timeout;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code civic311.sms.twilio.*}: texting residents through Twilio's Messages API. Off unless {@code enabled}; without
 * it Civic311 runs with no SMS at all (no {@link SmsSender}, no Twilio webhooks).
 *
 * @param enabled             send texts through Twilio and take its webhooks
 * @param baseUrl             Twilio's API, {@code https://api.twilio.com}; the simulator's for tests and the demo
 * @param accountSid          the account SID (AC…), the HTTP Basic user
 * @param authToken           the account's auth token: the HTTP Basic password, and the key Twilio signs webhooks with
 * @param authTokenFile       the auth token in a mounted secret file instead
 * @param from                the number texts are sent from, in E.164; or give {@code messagingServiceSid}
 * @param messagingServiceSid the Messaging Service (MG…) texts are sent through, instead of {@code from}
 * @param publicBaseUrl       the address Twilio reaches Civic311 at, e.g. {@code https://311.example.gov}: status
 *                            callbacks are asked for at {@code <public-base-url>/webhooks/twilio/status}, and a
 *                            webhook's signature is checked against {@code <public-base-url>} + the path it was
 *                            called on, since behind a proxy the request Civic311 sees has another address
 * @param connectTimeout      how long connecting to Twilio may take
 * @param readTimeout         how long Twilio may take to answer
 */
@ConfigurationProperties(TwilioSmsProperties.PREFIX)
@Validated
public record TwilioSmsProperties(
        boolean enabled,
        @DefaultValue("https://api.twilio.com") @NotNull URI baseUrl,
        @Pattern(regexp = "AC[0-9a-fA-F]{32}", message = "must be AC followed by 32 hex digits") String accountSid,
        String authToken,
        Path authTokenFile,
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +12025550100") String from,
        @Pattern(regexp = "MG[0-9a-fA-F]{32}", message = "must be MG followed by 32 hex digits")
        String messagingServiceSid,
        URI publicBaseUrl,
        @DefaultValue("10s") @Timeout Duration connectTimeout,
        @DefaultValue("30s") @Timeout Duration readTimeout) {

    static final String PREFIX = "civic311.sms.twilio";
    static final String STATUS_PATH = "/webhooks/twilio/status";
    static final String INBOUND_PATH = "/webhooks/twilio/sms";

    public TwilioSmsProperties {
        SecretSetting.check(PREFIX + ".auth-token", authToken, authTokenFile);
    }

    // Each check is named for the setting it checks, so that a failure names it; none applies while SMS is off.

    @AssertTrue(message = "the Twilio account SID (AC followed by 32 hex digits)")
    boolean isAccountSid() {
        return !enabled || accountSid != null;
    }

    @AssertTrue(message = "the Twilio auth token: give auth-token, or auth-token-file (a mounted secret)")
    boolean isAuthToken() {
        return !enabled || SecretSetting.isGiven(authToken, authTokenFile);
    }

    @AssertTrue(message = "give the number texts are sent from (from) or a Messaging Service (messaging-service-sid),"
            + " one of them")
    boolean isFrom() {
        return !enabled || (from == null) != (messagingServiceSid == null);
    }

    @AssertTrue(message = "the address Twilio reaches Civic311 at, e.g. https://311.example.gov")
    boolean isPublicBaseUrl() {
        return !enabled || publicBaseUrl != null && publicBaseUrl.isAbsolute();
    }

    String resolvedAuthToken() {
        return SecretSetting.resolve(PREFIX + ".auth-token", authToken, authTokenFile);
    }

    /** The public address of one of Civic311's Twilio webhooks. */
    String publicUrl(String path) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
