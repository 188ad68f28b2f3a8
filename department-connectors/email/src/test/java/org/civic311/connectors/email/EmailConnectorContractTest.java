package org.civic311.connectors.email;

import java.util.List;

import org.civic311.connectors.DepartmentConnector;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.tck.ConnectorSettings;
import org.civic311.connectors.tck.DepartmentConnectorContract;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/** The connector contract, against a real SMTP and IMAP server: the clerk is a person replying by email. */
class EmailConnectorContractTest extends DepartmentConnectorContract {

    static final String STREETS = "streets@contract.civic311.local";
    static final String REPLIES = "replies@contract.civic311.local";

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser(REPLIES, "replies", "replies-secret")
                    .withUser("dispatch@contract.civic311.local", "dispatch", "dispatch-secret"));

    private EmailConnector connector;

    /** One connector for the test, as the application has one. */
    @Override
    protected DepartmentConnector connector() {
        if (connector == null) {
            connector = new EmailConnector(properties("dispatch-secret"));
        }
        return connector;
    }

    @Override
    protected DepartmentConnector connectorWithBadCredentials() {
        return new EmailConnector(properties("wrong-password"));
    }

    @Override
    protected String department() {
        return "streets";
    }

    /** Work mails in the department's mailbox whose reference names the task. */
    @Override
    protected int itemsFor(String taskKey) throws Exception {
        int carrying = 0;
        for (MimeMessage work : EmailConnectorTest.inbox(mail, STREETS)) {
            if (ReplyToken.find(work.getMessageID()).stream().anyMatch(token -> token.taskKey().equals(taskKey))) {
                carrying++;
            }
        }
        return carrying;
    }

    @Override
    protected void departmentCompletes(ExternalRef item, String note) throws Exception {
        reply(item, "DONE " + note);
    }

    @Override
    protected List<StatusCase> statusCases() {
        return List.of(
                new StatusCase("a reply starting with DONE", item -> reply(item, "DONE filled"), WorkStatus.COMPLETED),
                new StatusCase("a reply starting with RESOLVED", item -> reply(item, "Resolved: patched"), WorkStatus.COMPLETED),
                new StatusCase("any other reply", item -> reply(item, "Which side of the street?"), WorkStatus.COMMENT));
    }

    /** The clerk presses Reply to the work mail of that item: the reference travels back in the subject. */
    private void reply(ExternalRef item, String text) throws Exception {
        String token = null;
        for (MimeMessage work : EmailConnectorTest.inbox(mail, STREETS)) {
            if (EmailConnectorTest.token(work).startsWith(item.id() + ".")) {
                token = EmailConnectorTest.token(work);
            }
        }
        Session session = mail.getSmtp().createSession();
        MimeMessage reply = new MimeMessage(session);
        reply.setFrom(STREETS);
        reply.setRecipients(Message.RecipientType.TO, REPLIES);
        reply.setSubject("Re: [SR-2026-000001] Pothole [ref:" + token + "]");
        reply.setText(text);
        Transport.send(reply);
    }

    private EmailConnectorProperties properties(String smtpPassword) {
        return ConnectorSettings.bind(EmailConnectorProperties.PREFIX, EmailConnectorProperties.class, "enabled", "true",
                "from", "dispatch@contract.civic311.local",
                "reply-to", REPLIES,
                "token-secret", "contract-secret-0123456789",
                "smtp.host", mail.getSmtp().getBindTo(),
                "smtp.port", Integer.toString(mail.getSmtp().getPort()),
                "smtp.username", "dispatch",
                "smtp.password", smtpPassword,
                "imap.host", mail.getImap().getBindTo(),
                "imap.port", Integer.toString(mail.getImap().getPort()),
                "imap.username", "replies",
                "imap.password", "replies-secret",
                "departments.streets.address", STREETS);
    }
}
