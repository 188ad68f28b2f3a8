package org.civic311.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.civic311.connectors.DepartmentConnector;
import org.civic311.connectors.tck.FailedSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What an operator sees when starting the orchestrator with or without the email connector configured. */
class EmailConnectorAutoConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmailConnectorAutoConfiguration.class));

    final String[] complete = {
        "civic311.connectors.email.enabled=true",
        "civic311.connectors.email.from=Civic311 <dispatch@civic311.local>",
        "civic311.connectors.email.reply-to=replies@civic311.local",
        "civic311.connectors.email.token-secret=0123456789abcdef",
        "civic311.connectors.email.zone=America/Chicago",
        "civic311.connectors.email.smtp.host=smtp.civic311.local",
        "civic311.connectors.email.imap.host=imap.civic311.local",
        "civic311.connectors.email.imap.username=replies",
        "civic311.connectors.email.departments.streets.address=streets@demo.civic311.local",
        "civic311.connectors.email.departments.streets.allowed-senders[0]=foreman@demo.civic311.local",
        "civic311.connectors.email.departments.public-works.address=pw@demo.civic311.local",
    };

    @Test
    void offUnlessEnabled() {
        runner.run(context -> assertThat(context).doesNotHaveBean(DepartmentConnector.class));
    }

    @Test
    void enabledAndConfiguredGivesTheEmailSystem() {
        runner.withPropertyValues(complete).run(context -> {
            assertThat(context).hasSingleBean(DepartmentConnector.class);
            assertThat(context.getBean(DepartmentConnector.class).system()).isEqualTo("email");
            EmailConnectorProperties properties = context.getBean(EmailConnectorProperties.class);
            assertThat(properties.smtp().port()).isEqualTo(25);
            assertThat(properties.imap().port()).isEqualTo(143);
            assertThat(properties.imap().folder()).isEqualTo("INBOX");
            assertThat(properties.zone().getId()).isEqualTo("America/Chicago");
            assertThat(properties.departments()).containsOnlyKeys("streets", "public-works");
            EmailConnectorProperties.Department streets = properties.departments().get("streets");
            assertThat(streets.acceptsRepliesFrom("Foreman@Demo.Civic311.local")).isTrue();
            assertThat(streets.acceptsRepliesFrom("streets@demo.civic311.local")).isFalse();
            EmailConnectorProperties.Department publicWorks = properties.departments().get("public-works");
            assertThat(publicWorks.acceptsRepliesFrom("PW@demo.civic311.local")).isTrue();
        });
    }

    @Test
    void aMissingSecretStopsStartupNamingTheProperty() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.email.token-secret=")
                .run(context -> assertThat(FailedSettings.of(context.getStartupFailure()))
                        .contains("civic311.connectors.email.token-secret"));
    }

    @Test
    void aShortSecretStopsStartupNamingTheProperty() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.email.token-secret=too-short")
                .run(context -> assertThat(FailedSettings.of(context.getStartupFailure()))
                        .containsExactly("civic311.connectors.email.token-secret"));
    }

    @Test
    void departmentWithoutAddressStopsStartupNamingTheProperty() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.email.departments.parks.allowed-senders[0]=a@b.c")
                .run(context -> assertThat(FailedSettings.of(context.getStartupFailure()))
                        .containsExactly("civic311.connectors.email.departments[parks].address"));
    }

    @Test
    void aSentFolderThatIsTheReplyFolderStopsStartup() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.email.imap.sent-folder=inbox")
                .run(context -> assertThat(FailedSettings.of(context.getStartupFailure()))
                        .containsExactly("civic311.connectors.email.imap.sent-folder-apart-from-replies"));
    }

    @Test
    void aDisabledConnectorAsksForNothing() {
        runner.withPropertyValues("civic311.connectors.email.enabled=false", "civic311.connectors.email.from=")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EmailConnectorProperties.class));
    }

    @Test
    void timeoutsDefaultToTenAndThirtySeconds() {
        runner.withPropertyValues(complete).run(context -> {
            EmailConnectorProperties properties = context.getBean(EmailConnectorProperties.class);
            assertThat(properties.smtp().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.smtp().readTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.smtp().writeTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.imap().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.imap().readTimeout()).isEqualTo(Duration.ofSeconds(30));
        });
    }
}
