package org.civic311.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;

/** A mailbox of the demo's mail server, read over IMAP as any mail client would. */
final class Mailbox {

    private Mailbox() {
    }

    static List<String> subjects(String address, int imapPort) throws Exception {
        return read(address, imapPort, false);
    }

    /**
     * The subjects of what is in the inbox now, which is then deleted, as a mail client that files what it read:
     * the demo's mail server reads a folder in time that grows with the square of its size
     * (see {@link ResidentsInbox}).
     */
    static List<String> take(String address, int imapPort) throws Exception {
        return read(address, imapPort, true);
    }

    private static List<String> read(String address, int imapPort, boolean delete) throws Exception {
        Properties settings = new Properties();
        settings.put("mail.imap.timeout", "120000");
        Store store = Session.getInstance(settings).getStore("imap");
        store.connect("127.0.0.1", imapPort, address, "any");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(delete ? Folder.READ_WRITE : Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            FetchProfile envelope = new FetchProfile();
            envelope.add(FetchProfile.Item.ENVELOPE);
            inbox.fetch(messages, envelope);
            List<String> subjects = new ArrayList<>();
            for (Message message : messages) {
                subjects.add(message.getSubject());
            }
            if (delete && messages.length > 0) {
                inbox.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
            }
            inbox.close(delete);
            return subjects;
        } finally {
            store.close();
        }
    }
}
