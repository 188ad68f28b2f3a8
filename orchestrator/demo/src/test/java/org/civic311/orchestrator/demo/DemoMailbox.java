package org.civic311.orchestrator.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/** A person's mail client on the demo's mail server, where every mailbox takes any password. */
record DemoMailbox(String address, int smtpPort, int imapPort) {

    /** @param received when the server took it in, to the second (IMAP's arrival date) */
    record Mail(String subject, String body, Instant received) {
    }

    List<Mail> inbox() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", imapPort, address, "any-password-works-in-the-demo");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(new Mail(message.getSubject(), text(message), message.getReceivedDate().toInstant()));
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    /** The plain text of a message: a notice to a resident is text and HTML, the text is what a reader reads. */
    static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child.isMimeType("multipart/*") || child.isMimeType("text/plain")) {
                    text.append(text(child));
                }
            }
            return text.toString();
        }
        return String.valueOf(content);
    }

    void send(String to, String subject, String text) throws MessagingException {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", String.valueOf(smtpPort));
        MimeMessage mail = new MimeMessage(Session.getInstance(smtp));
        mail.setFrom(address);
        mail.setRecipients(Message.RecipientType.TO, to);
        mail.setSubject(subject);
        mail.setText(text);
        Transport.send(mail);
    }
}
