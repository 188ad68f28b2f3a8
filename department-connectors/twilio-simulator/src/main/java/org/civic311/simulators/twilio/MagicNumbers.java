package org.civic311.simulators.twilio;

import java.util.Map;

/**
 * Twilio's magic numbers for test credentials (twilio.com/docs/iam/test-credentials, "Test SMS messages"): with the
 * test account a message is sent from +15005550006 only, and these {@code From} and {@code To} numbers answer a
 * documented error. Any other {@code To} succeeds; nothing is stored or delivered.
 */
final class MagicNumbers {

    static final String VALID_FROM = "+15005550006";

    private static final Map<String, TwilioError> FROM = Map.of(
            "+15005550001", TwilioError.badRequest(21212,
                    "The 'From' number +15005550001 is not a valid phone number, shortcode, or alphanumeric sender ID."),
            "+15005550007", notOwned("+15005550007"),
            "+15005550008", TwilioError.badRequest(21611,
                    "This 'From' number has exceeded the maximum number of queued messages"));

    private static final Map<String, TwilioError> TO = Map.of(
            "+15005550001", TwilioError.badRequest(21211, "The 'To' number +15005550001 is not a valid phone number."),
            "+15005550002", TwilioError.badRequest(21612, "The 'To' phone number is not currently reachable via SMS."),
            "+15005550003", TwilioError.badRequest(21408,
                    "Permission to send an SMS has not been enabled for the region indicated by the 'To' number: "
                            + "+15005550003."),
            "+15005550004", TwilioError.badRequest(21610, "Attempt to send to unsubscribed recipient"),
            "+15005550009", TwilioError.badRequest(21614, "'To' number is not a valid mobile number"));

    private MagicNumbers() {
    }

    /** @throws TwilioError the error Twilio documents for these test numbers */
    static void check(String from, String to) {
        if (FROM.containsKey(from)) {
            throw copy(FROM.get(from));
        }
        if (!VALID_FROM.equals(from)) {
            throw notOwned(from);
        }
        if (TO.containsKey(to)) {
            throw copy(TO.get(to));
        }
    }

    static TwilioError notOwned(String from) {
        return TwilioError.badRequest(21606, "The From phone number " + from
                + " is not a valid, SMS-capable inbound phone number or short code for your account.");
    }

    // A fresh exception each time, so a stack trace never points at the class's loading.
    private static TwilioError copy(TwilioError error) {
        return new TwilioError(error.code, error.status, error.getMessage());
    }
}
