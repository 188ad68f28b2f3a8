package org.civic311.connectors.email;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.tck.ConnectorSettings;
import org.civic311.connectors.tck.StalledServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A mail server that accepts the connection and never answers costs one configured timeout, then the push or the
 * poll fails for the engine to retry: it never holds a job thread. The generous preemptive timeouts turn a
 * regression into a failure instead of a hung build.
 */
class EmailTimeoutsTest {

    /** The reply mailbox answers, so a push gets as far as the stalled relay. */
    @RegisterExtension
    static final GreenMailExtension replyMailbox = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("replies", "replies-secret"));

    final StalledServer stalled = new StalledServer();

    @AfterEach
    void stop() throws Exception {
        stalled.close();
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aStalledSmtpRelayFailsThePushAfterTheReadTimeout() {
        EmailConnector connector = new EmailConnector(settings("smtp.host", stalled.host(),
                "smtp.port", Integer.toString(stalled.port()), "smtp.connect-timeout", "1s", "smtp.read-timeout", "1s",
                "imap.port", Integer.toString(replyMailbox.getImap().getPort())));

        assertThatThrownBy(() -> connector.push(EmailConnectorTest.pothole("42")))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("Could not send the work email")
                .hasMessageContaining(stalled.host() + ":" + stalled.port())
                .hasStackTraceContaining("timed out");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aStalledReplyMailboxFailsThePushBeforeAnythingIsSent() {
        EmailConnector connector = new EmailConnector(settings("imap.host", stalled.host(),
                "imap.port", Integer.toString(stalled.port()), "imap.connect-timeout", "1s", "imap.read-timeout", "1s"));

        assertThatThrownBy(() -> connector.push(EmailConnectorTest.pothole("42")))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("Could not look for earlier work emails")
                .hasStackTraceContaining("timed out");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aStalledReplyMailboxFailsThePollAfterTheReadTimeout() {
        EmailConnector connector = new EmailConnector(settings("imap.host", stalled.host(),
                "imap.port", Integer.toString(stalled.port()), "imap.connect-timeout", "1s", "imap.read-timeout", "1s"));

        assertThatThrownBy(() -> connector.pullUpdates(Instant.now()))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("Could not read the reply mailbox")
                .hasStackTraceContaining("timed out");
    }

    /** A complete configuration whose other server is unused; {@code overrides} point one server at the stalled peer. */
    private static EmailConnectorProperties settings(String... overrides) {
        String[] base = {"enabled", "true", "from", "dispatch@civic311.local", "reply-to", "replies@civic311.local",
            "token-secret", "timeouts-secret-0123456789", "smtp.host", "127.0.0.1", "imap.host", "127.0.0.1",
            "imap.username", "replies", "imap.password", "replies-secret", "departments.streets.address", "streets@civic311.local"};
        String[] all = new String[base.length + overrides.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(overrides, 0, all, base.length, overrides.length);
        return ConnectorSettings.bind(EmailConnectorProperties.PREFIX, EmailConnectorProperties.class, all);
    }
}
