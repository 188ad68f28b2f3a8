package org.civic311.orchestrator.sms;

/** A text the provider will not deliver whatever the retry: an opted-out, invalid or landline number. */
public class SmsRefused extends RuntimeException {

    private final String code;

    public SmsRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The provider's error code, e.g. Twilio's {@code 21610} for a number that texted STOP. */
    public String code() {
        return code;
    }
}
