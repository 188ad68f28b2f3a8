package org.civic311.orchestrator.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.civic311.connectors.SecretSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/** Any validated settings record gets the same one-line report, whoever wrote it and whatever its messages. */
@ExtendWith(OutputCaptureExtension.class)
class MissingSettingFailureAnalyzerTest {

    @Test
    void aSettingWithoutAMessageIsNamedAsMissing(CapturedOutput output) {
        assertThatThrownBy(() -> start("--civic311.example.retries=3")).isNotNull();

        assertThat(output).contains("Setting civic311.example.queue-name is missing. See docs/configuration.md, or"
                + " try the demo: java -jar civic311-demo.jar (README.md).");
    }

    @Test
    void aBrokenRuleIsNamedWithItsMessage(CapturedOutput output) {
        assertThatThrownBy(() -> start("--civic311.example.queue-name=streets", "--civic311.example.retries=0")).isNotNull();

        assertThat(output).contains("Setting civic311.example.retries must be greater than 0. See docs/configuration.md");
    }

    @Test
    void aValueThatIsNotOfItsTypeIsNamed(CapturedOutput output) {
        assertThatThrownBy(() -> start("--civic311.example.queue-name=streets", "--civic311.example.zone=Mars/Olympus"))
                .isNotNull();

        assertThat(output).contains("Setting civic311.example.zone cannot be used ('Mars/Olympus')")
                .contains("See docs/configuration.md, or try the demo: java -jar civic311-demo.jar (README.md).");
    }

    @Test
    void aSecretFileThatCannotBeReadIsNamed(CapturedOutput output) {
        assertThatThrownBy(() -> start("--civic311.example.queue-name=streets",
                "--civic311.example.password-file=/run/secrets/not-mounted")).isNotNull();

        assertThat(output).contains("civic311.example.password-file /run/secrets/not-mounted cannot be read")
                .contains("See docs/configuration.md, or try the demo: java -jar civic311-demo.jar (README.md).");
    }

    private static void start(String... settings) {
        new SpringApplicationBuilder(ExampleSettingsConfiguration.class).web(WebApplicationType.NONE).run(settings).close();
    }

    @ConfigurationProperties("civic311.example")
    @Validated
    record ExampleSettings(@NotBlank String queueName, @Positive Integer retries, ZoneId zone, String password,
                           Path passwordFile) {

        ExampleSettings {
            SecretSetting.check("civic311.example.password", password, passwordFile);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ExampleSettings.class)
    static class ExampleSettingsConfiguration {
    }
}
