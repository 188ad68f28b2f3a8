package org.civic311.orchestrator.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The demo's in-process mail server (GreenMail): the department's, the residents' and Civic311's own
 * mailboxes, reachable with any mail client. Any login works; every address gets a mailbox on first use.
 */
class DemoMailServer {

    /** GreenMail's own two seconds are too short for a demo starting on a busy two-core machine. */
    private static final long STARTUP_TIMEOUT_MS = 30_000;

    private final GreenMail greenMail;

    DemoMailServer(Ports ports) {
        this.greenMail = new GreenMail(new ServerSetup[] {
                listening(ports.smtpPort(), ports.bindAddress(), ServerSetup.PROTOCOL_SMTP),
                listening(ports.imapPort(), ports.bindAddress(), ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig()
                        .withDisabledAuthentication());
    }

    private static ServerSetup listening(int port, String bindAddress, String protocol) {
        ServerSetup setup = new ServerSetup(port, bindAddress, protocol);
        setup.setServerStartupTimeout(STARTUP_TIMEOUT_MS);
        return setup;
    }

    void start() {
        greenMail.start();
    }

    /** The departments' clerks answering their work emails, for the demo under load. */
    DemoMailStaff staff(DemoMailStaff.Settings settings) {
        return new DemoMailStaff(greenMail, settings);
    }

    void stop() {
        greenMail.stop();
    }

    @ConfigurationProperties("civic311.demo.mail-server")
    record Ports(@DefaultValue("3025") int smtpPort, @DefaultValue("3143") int imapPort,
                 @DefaultValue("127.0.0.1") String bindAddress) {
    }
}
