package org.civic311.orchestrator;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The mail server of the {@code e2e} profile: GreenMail on free ports, with Civic311's reply mailbox. A test class
 * starts one in a static field and points the application at it from its {@code @DynamicPropertySource}.
 */
public final class E2eMailServer {

    private E2eMailServer() {
    }

    public static GreenMail start() {
        GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mail.setUser("civic311@test.civic311.local", "civic311@test.civic311.local", "reply-mailbox-secret");
        return mail;
    }

    /** Department work, replies and residents' notices all go through {@code mail}. */
    public static void use(GreenMail mail, DynamicPropertyRegistry registry) {
        registry.add("civic311.connectors.email.smtp.port", () -> mail.getSmtp().getPort());
        registry.add("civic311.connectors.email.imap.port", () -> mail.getImap().getPort());
        registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
    }
}
