package org.civic311.simulators.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TwilioSignatureTest {

    /** The example of Twilio's webhook security documentation. */
    @Test
    void signsTwiliosPublishedExampleAsTwilioDoes() {
        Map<String, String> params = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030",
                "Digits", "1234", "From", "+12349013030", "To", "+18005551212");

        String signature = TwilioSignature.sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params);

        assertThat(signature).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }
}
