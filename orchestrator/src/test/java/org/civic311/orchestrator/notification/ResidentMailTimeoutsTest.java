package org.civic311.orchestrator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;

import org.civic311.connectors.tck.StalledServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A residents' mail server that accepts the connection and never answers costs one configured timeout, and the
 * notice fails for the engine to retry: it never holds the job thread. The generous preemptive timeout turns a
 * regression into a failure instead of a hung build.
 */
class ResidentMailTimeoutsTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
            .withUserConfiguration(Notifications.class)
            .withPropertyValues("civic311.notifications.from=311@city.example",
                    "civic311.notifications.public-url=https://311.city.example");

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aStalledRelayFailsTheNoticeAfterTheReadTimeout() throws Exception {
        try (StalledServer stalled = new StalledServer()) {
            runner.withPropertyValues("spring.mail.host=" + stalled.host(), "spring.mail.port=" + stalled.port(),
                            "civic311.notifications.smtp.connect-timeout=1s", "civic311.notifications.smtp.read-timeout=1s")
                    .run(context -> {
                        JavaMailSender mail = context.getBean(JavaMailSender.class);

                        assertThatThrownBy(() -> mail.send(closureNotice()))
                                .isInstanceOf(MailException.class)
                                .hasStackTraceContaining("timed out");
                        assertThat(stalled.connections()).isPositive();
                    });
        }
    }

    @Test
    void withoutSettingsTheTimeoutsAreTenAndThirtySeconds() {
        runner.withPropertyValues("spring.mail.host=127.0.0.1").run(context -> assertThat(
                        context.getBean(org.springframework.mail.javamail.JavaMailSenderImpl.class).getJavaMailProperties())
                .containsEntry("mail.smtp.connectiontimeout", "10000")
                .containsEntry("mail.smtp.timeout", "30000")
                .containsEntry("mail.smtp.writetimeout", "30000"));
    }

    @Test
    void aSendLeaseOfNothingStopsTheStartNamingTheSetting() {
        runner.withPropertyValues("spring.mail.host=127.0.0.1", "civic311.notifications.send-lease=0s")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("sendLease").hasStackTraceContaining("another could send it too"));
    }

    private static SimpleMailMessage closureNotice() {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("311@city.example");
        message.setTo("resident@example.org");
        message.setSubject("Your request is closed");
        message.setText("Fixed.");
        return message;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NotificationProperties.class)
    @Import(ResidentMailTimeouts.class)
    static class Notifications {
    }
}
