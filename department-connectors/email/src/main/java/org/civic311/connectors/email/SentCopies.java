package org.civic311.connectors.email;

import java.util.Properties;

import jakarta.mail.Authenticator;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.MessageIDTerm;

import org.civic311.connectors.ConnectorException;

/**
 * A copy of every work email, kept in a folder of the reply mailbox as a mail client keeps its Sent folder. Before a
 * task is sent, the folder is searched for its Message-ID (which carries the task's token): a push repeated after a
 * restart, or on another node, finds the copy and sends nothing.
 */
final class SentCopies {

    private final EmailConnectorProperties.Imap imap;

    SentCopies(EmailConnectorProperties.Imap imap) {
        this.imap = imap;
    }

    /** @throws ConnectorException when the mailbox cannot be read: sending blind could send a second copy */
    boolean hold(ReplyToken token) {
        try (Store store = connect()) {
            Folder folder = store.getFolder(imap.sentFolder());
            if (!folder.exists()) {
                return false;
            }
            folder.open(Folder.READ_ONLY);
            try {
                return folder.search(new MessageIDTerm(messageId(token))).length > 0;
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new ConnectorException("Could not look for earlier work emails in " + where() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Files the sent message, creating the folder the first time. */
    void keep(MimeMessage sent) throws MessagingException {
        try (Store store = connect()) {
            Folder folder = store.getFolder(imap.sentFolder());
            if (!folder.exists()) {
                folder.create(Folder.HOLDS_MESSAGES);
            }
            folder.appendMessages(new Message[] {sent});
        }
    }

    static String messageId(ReplyToken token) {
        return "<" + token + "@civic311>";
    }

    String where() {
        return "folder '" + imap.sentFolder() + "' of " + imap.username() + " at " + imap.host() + ":" + imap.port();
    }

    private Store connect() throws MessagingException {
        String protocol = imap.ssl() ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.setProperty("mail." + protocol + ".connectiontimeout", SmtpOutbox.millis(imap.connectTimeout()));
        properties.setProperty("mail." + protocol + ".timeout", SmtpOutbox.millis(imap.readTimeout()));
        properties.setProperty("mail." + protocol + ".writetimeout", SmtpOutbox.millis(imap.readTimeout()));
        Session session = Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(imap.username(), imap.password());
            }
        });
        Store store = session.getStore(protocol);
        store.connect(imap.host(), imap.port(), imap.username(), imap.password());
        return store;
    }
}
