package org.civic311.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;

/** A mailbox of the demo's mail server, read over IMAP as any mail client would. */
final class Mailbox {

    private Mailbox() {
    }

    static List<String> subjects(String address, int imapPort) throws Exception {
        Properties settings = new Properties();
        settings.put("mail.imap.timeout", "120000");
        Store store = Session.getInstance(settings).getStore("imap");
        store.connect("127.0.0.1", imapPort, address, "any");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            FetchProfile envelope = new FetchProfile();
            envelope.add(FetchProfile.Item.ENVELOPE);
            inbox.fetch(messages, envelope);
            List<String> subjects = new ArrayList<>();
            for (Message message : messages) {
                subjects.add(message.getSubject());
            }
            inbox.close(false);
            return subjects;
        } finally {
            store.close();
        }
    }
}
