package org.civic311.connectors.email;

import java.util.Properties;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.PasswordAuthentication;

/** How Civic311 logs in to its reply mailbox over IMAP: one place for the protocol, timeouts and credentials. */
final class MailboxLogin {

    private final EmailConnectorProperties.Imap imap;
    private volatile Session session;

    MailboxLogin(EmailConnectorProperties.Imap imap) {
        this.imap = imap;
    }

    /**
     * One mail session for every connection: making one reads the mail providers from the class path again, which
     * a profile found costly when done for every work email.
     */
    Session session() {
        Session made = session;
        if (made == null) {
            made = Session.getInstance(javaMailProperties(), authenticator());
            session = made;
        }
        return made;
    }

    String protocol() {
        return imap.ssl() ? "imaps" : "imap";
    }

    Properties javaMailProperties() {
        Properties properties = new Properties();
        String protocol = protocol();
        properties.setProperty("mail." + protocol + ".user", imap.username());
        // Without timeouts, a server that accepts the connection and never answers would hang the poll or the push.
        properties.setProperty("mail." + protocol + ".connectiontimeout", SmtpOutbox.millis(imap.connectTimeout()));
        properties.setProperty("mail." + protocol + ".timeout", SmtpOutbox.millis(imap.readTimeout()));
        properties.setProperty("mail." + protocol + ".writetimeout", SmtpOutbox.millis(imap.readTimeout()));
        // BODY.PEEK: fetching a message never sets \Seen.
        properties.setProperty("mail." + protocol + ".peek", "true");
        return properties;
    }

    Authenticator authenticator() {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(imap.username(), imap.password());
            }
        };
    }

    /** Logs in and out again. */
    void check() throws MessagingException {
        try (Store store = session().getStore(protocol())) {
            store.connect(imap.host(), imap.port(), imap.username(), imap.password());
        }
    }

    /** For messages: the mailbox, never its password. */
    String mailbox() {
        return imap.username() + " at " + imap.host() + ":" + imap.port();
    }
}
