package org.civic311.orchestrator.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.stream.Stream;

import org.civic311.orchestrator.OrchestratorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A production start (no demo profile) with a required setting left out stops with one line an operator can act
 * on: the setting, what it is for, where all settings are described, and how to try Civic311 without them.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartTest {

    /** What every start below has: its own database, no fixed port, no engine jobs, an administrator. */
    private static final String[] ANY_START = {
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--civic311.admin.id=operator",
        "--civic311.admin.password=operator-secret-0123",
    };

    static final String PUBLIC_URL = "--civic311.notifications.public-url=https://311.city.example";

    @Test
    void withoutTheMailHostTheStartNamesItTheDocsAndTheDemo(CapturedOutput output) {
        assertThatThrownBy(() -> start("--civic311.notifications.from=311@city.example",
                "--civic311.notifications.public-url=https://311.city.example")).isNotNull();

        assertThat(output).contains("Setting spring.mail.host is missing: the mail server residents are written"
                + " through. See docs/configuration.md, or try the demo: java -jar civic311-demo.jar (README.md).");
        assertThat(output).doesNotContain("required a bean of type 'org.springframework.mail.javamail.JavaMailSender'");
    }

    @Test
    void withoutTheNoticesSenderTheStartNamesIt(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.mail.host=127.0.0.1")).isNotNull();

        assertThat(output).contains("Setting civic311.notifications.from is missing: the sender residents see on their"
                + " notices, e.g. 311@city.gov. See docs/configuration.md, or try the demo: java -jar civic311-demo.jar"
                + " (README.md).");
    }

    @Test
    void withoutThePublicAddressTheStartNamesIt(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.mail.host=127.0.0.1", "--civic311.notifications.from=311@city.example"))
                .isNotNull();

        assertThat(output).contains("Setting civic311.notifications.public-url is missing: where residents reach"
                + " Civic311, e.g. https://311.city.gov");
    }

    @Test
    void anEnabledEmailConnectorWithoutItsTokenSecretNamesIt(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.mail.host=127.0.0.1", "--civic311.notifications.from=311@city.example",
                PUBLIC_URL,
                "--civic311.connectors.email.enabled=true",
                "--civic311.connectors.email.from=dispatch@city.example",
                "--civic311.connectors.email.reply-to=replies@city.example",
                "--civic311.connectors.email.smtp.host=127.0.0.1",
                "--civic311.connectors.email.imap.host=127.0.0.1",
                "--civic311.connectors.email.imap.username=replies",
                "--civic311.connectors.email.departments.streets.address=streets@city.example")).isNotNull();

        assertThat(output).contains("Setting civic311.connectors.email.token-secret is missing: the key that signs the"
                + " reference in every work email. See docs/configuration.md, or try the demo:"
                + " java -jar civic311-demo.jar (README.md).");
    }

    @Test
    void aTimeoutOfZeroWhichWouldWaitForEverStopsTheStart(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.mail.host=127.0.0.1", "--civic311.notifications.from=311@city.example",
                PUBLIC_URL,
                "--civic311.notifications.smtp.read-timeout=0s")).isNotNull();

        assertThat(output).contains("Setting civic311.notifications.smtp.read-timeout must be positive: 0 would wait"
                + " for ever. See docs/configuration.md");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "civic311.open311.comment-max-length=0         | must be at least 1 character",
            "civic311.open311.idempotency-key-lifetime=0s  | must be at least a minute, e.g. 24h",
            "civic311.open311.rate-limits.max-addresses=0  | must be at least 1",
            "civic311.open311.rate-limits.keys.kiosk.per-address.capacity=0 | must be at least 1 write",
            "civic311.open311.rate-limits.per-key.period=0s | must be positive, e.g. 1m"})
    void anUnusableOpen311SettingStopsTheStartNamingIt(String setting, String rule, CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.mail.host=127.0.0.1", "--civic311.notifications.from=311@city.example",
                PUBLIC_URL,
                "--" + setting)).isNotNull();

        assertThat(output).contains("Setting " + setting.substring(0, setting.indexOf('=')) + " " + rule + ". See");
    }

    private static void start(String... settings) {
        String database = "--spring.datasource.url=jdbc:h2:mem:start-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String[] args = Stream.of(ANY_START, new String[] {database}, settings).flatMap(Stream::of).toArray(String[]::new);
        new SpringApplicationBuilder(OrchestratorApplication.class).run(args).close();
    }
}
