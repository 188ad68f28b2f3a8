package org.civic311.connectors.email;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.MessageIDTerm;

import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.ConnectorRefusal;

/**
 * A copy of every work email, kept in a folder of the reply mailbox as a mail client keeps its Sent folder. Before a
 * task is sent, the folder is searched for its Message-ID (which carries the task's token): a push repeated after a
 * restart, or on another node, finds the copy and sends nothing.
 */
final class SentCopies {

    private final EmailConnectorProperties.Imap imap;
    private final MailboxLogin login;

    SentCopies(EmailConnectorProperties.Imap imap) {
        this.imap = imap;
        this.login = new MailboxLogin(imap);
    }

    /**
     * Whether the task's work email was sent already. Makes the folder the first time, so that the copy of what is
     * sent next has somewhere to go.
     *
     * @throws ConnectorRefusal  when the folder does not exist and cannot be made: nothing can be sent safely until
     *                           an administrator makes it or the setting names one that exists
     * @throws ConnectorException when the mailbox cannot be read: sending blind could send a second copy
     */
    boolean hold(ReplyToken token) {
        try {
            try (Store store = connect()) {
                Folder folder = store.getFolder(imap.sentFolder());
                if (folder.exists() || createdHere(folder)) {
                    return holds(folder, token);
                }
            }
            // Another dispatch (a job thread or another node) may have made the folder at the same moment: then ours
            // failed, and some servers drop the connection with the failure. Look again on a new one.
            try (Store store = connect()) {
                Folder folder = store.getFolder(imap.sentFolder());
                if (folder.exists() || folder.create(Folder.HOLDS_MESSAGES)) {
                    return holds(folder, token);
                }
            }
            throw new ConnectorRefusal("The " + where() + " does not exist and the login may not create it:"
                    + " create it, or set " + EmailConnectorProperties.PREFIX + ".imap.sent-folder to one that exists");
        } catch (MessagingException e) {
            throw new ConnectorException("Could not look for earlier work emails in the " + where() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Whether this connection made the folder: not when the server refused, nor when the connection failed. */
    private static boolean createdHere(Folder folder) {
        try {
            return folder.create(Folder.HOLDS_MESSAGES);
        } catch (MessagingException e) {
            return false;
        }
    }

    private static boolean holds(Folder folder, ReplyToken token) throws MessagingException {
        folder.open(Folder.READ_ONLY);
        try {
            return folder.search(new MessageIDTerm(messageId(token))).length > 0;
        } finally {
            folder.close(false);
        }
    }

    /** Files the message as sent. */
    void keep(MimeMessage sent) throws MessagingException {
        try (Store store = connect()) {
            store.getFolder(imap.sentFolder()).appendMessages(new Message[] {sent});
        }
    }

    static String messageId(ReplyToken token) {
        return "<" + token + "@civic311>";
    }

    String where() {
        return "folder '" + imap.sentFolder() + "' of " + login.mailbox();
    }

    private Store connect() throws MessagingException {
        Store store = login.session().getStore(login.protocol());
        store.connect(imap.host(), imap.port(), null, null);
        return store;
    }
}
