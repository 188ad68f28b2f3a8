package org.civic311.orchestrator.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** SMS switched on without what it needs stops the start, naming each missing setting; switched off it asks nothing. */
@ExtendWith(OutputCaptureExtension.class)
class SmsSettingsTest {

    @Test
    void smsOnWithoutItsSettingsNamesEachOne(CapturedOutput output) {
        assertThatThrownBy(() -> start("--civic311.sms.twilio.enabled=true")).isNotNull();

        assertThat(output)
                .contains("Setting civic311.sms.twilio.account-sid is missing: the Twilio account SID")
                .contains("Setting civic311.sms.twilio.auth-token is missing: the Twilio auth token: give auth-token,"
                        + " or auth-token-file")
                .contains("Setting civic311.sms.twilio.from is missing: give the number texts are sent from")
                .contains("Setting civic311.sms.twilio.public-base-url is missing: the address Twilio reaches Civic311 at");
    }

    @Test
    void aMistypedSettingIsNamedWithItsRule(CapturedOutput output) {
        assertThatThrownBy(() -> start("--civic311.sms.twilio.enabled=true", "--civic311.sms.twilio.account-sid=AC123",
                "--civic311.sms.twilio.auth-token=x", "--civic311.sms.twilio.from=312-555-0100",
                "--civic311.sms.twilio.public-base-url=https://311.example.gov",
                "--civic311.sms.twilio.read-timeout=0s")).isNotNull();

        assertThat(output)
                .contains("Setting civic311.sms.twilio.account-sid must be AC followed by 32 hex digits")
                .contains("Setting civic311.sms.twilio.from must be an E.164 number such as +12025550100")
                .contains("Setting civic311.sms.twilio.read-timeout must be positive");
    }

    @Test
    void smsOffAsksForNothing() {
        start();
    }

    private static void start(String... settings) {
        new SpringApplicationBuilder(Settings.class).web(WebApplicationType.NONE).run(settings).close();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({SmsProperties.class, TwilioSmsProperties.class})
    static class Settings {
    }
}
