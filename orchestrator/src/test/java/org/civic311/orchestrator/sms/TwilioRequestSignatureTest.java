package org.civic311.orchestrator.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TwilioRequestSignatureTest {

    /** The example of Twilio's webhook security documentation. */
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final String SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    private final TwilioRequestSignature twilio = new TwilioRequestSignature("12345");

    @Test
    void acceptsTwiliosPublishedExample() {
        assertThat(twilio.matches(SIGNATURE, URL, params())).isTrue();
    }

    @Test
    void refusesAnyChangeToTheParametersTheUrlOrTheKey() {
        Map<String, List<String>> changedDigits = params();
        changedDigits.put("Digits", List.of("1235"));
        Map<String, List<String>> added = params();
        added.put("Body", List.of("STOP"));
        Map<String, List<String>> removed = params();
        removed.remove("Caller");

        assertThat(twilio.matches(SIGNATURE, URL, changedDigits)).isFalse();
        assertThat(twilio.matches(SIGNATURE, URL, added)).isFalse();
        assertThat(twilio.matches(SIGNATURE, URL, removed)).isFalse();
        assertThat(twilio.matches(SIGNATURE, "https://mycompany.com/myapp.php?foo=1&bar=3", params())).isFalse();
        assertThat(twilio.matches(SIGNATURE, "http://mycompany.com/myapp.php?foo=1&bar=2", params())).isFalse();
        assertThat(new TwilioRequestSignature("12346").matches(SIGNATURE, URL, params())).isFalse();
    }

    @Test
    void refusesAMissingOrMangledSignature() {
        assertThat(twilio.matches(null, URL, params())).isFalse();
        assertThat(twilio.matches("", URL, params())).isFalse();
        assertThat(twilio.matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ", URL, params())).isFalse();
    }

    private static Map<String, List<String>> params() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("To", List.of("+18005551212"));
        params.put("From", List.of("+12349013030"));
        params.put("Digits", List.of("1234"));
        params.put("Caller", List.of("+12349013030"));
        params.put("CallSid", List.of("CA1234567890ABCDE"));
        return params;
    }
}
