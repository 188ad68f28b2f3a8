package org.civic311.orchestrator.demo;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.icegreen.greenmail.imap.AuthorizationException;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;

/**
 * The departments that work from a mailbox, played: each work email is answered DONE a fixed time after it arrived,
 * as the department's clerk would (the demo under load, the benchmark). Off unless
 * {@code civic311.demo.mail-server.staff.finish-after} is set.
 * <p>
 * With {@code archive-replies-after} set, replies that old are moved from Civic311's reply inbox to its Archive folder,
 * as a mail server's retention rule would. The demo's mail server answers each IMAP command in time that grows with
 * the square of the folder's size, so a storm day's replies would otherwise slow every poll more than a real server
 * does.
 */
class DemoMailStaff {

    private static final Logger log = LoggerFactory.getLogger(DemoMailStaff.class);
    private static final String ARCHIVE = "Archive";

    private final GreenMail mail;
    private final Settings settings;
    private final ScheduledExecutorService clerk;
    private final Map<String, Long> lastSeen = new HashMap<>();
    private final AtomicInteger answered = new AtomicInteger();
    /** Made once: making a mail session reads the mail providers from the class path again. */
    private final Session session = Session.getInstance(new Properties());

    DemoMailStaff(GreenMail mail, Settings settings) {
        this.mail = mail;
        this.settings = settings;
        this.clerk = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "demo-mail-staff");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        clerk.scheduleWithFixedDelay(this::readNewMail, 200, 200, TimeUnit.MILLISECONDS);
        if (settings.archiveRepliesAfter() != null) {
            // In bursts rather than one by one: a move renumbers the messages of a reader in the middle of a poll.
            long every = Math.max(100, Math.min(Duration.ofMinutes(1).toMillis(),
                    settings.archiveRepliesAfter().toMillis() / 2));
            clerk.scheduleWithFixedDelay(this::archiveOldReplies, every, every, TimeUnit.MILLISECONDS);
        }
    }

    void stop() {
        clerk.shutdownNow();
    }

    int answered() {
        return answered.get();
    }

    private void readNewMail() {
        for (String mailbox : settings.mailboxes()) {
            try {
                GreenMailUser user = mail.getUserManager().getUserByEmail(mailbox);
                if (user == null) {
                    continue;
                }
                MailFolder inbox = mail.getManagers().getImapHostManager().getInbox(user);
                long seen = lastSeen.getOrDefault(mailbox, 0L);
                for (long uid : inbox.getMessageUids()) {
                    if (uid > seen) {
                        MimeMessage work = inbox.getMessage(uid).getMimeMessage();
                        clerk.schedule(() -> answer(mailbox, work), settings.finishAfter().toMillis(),
                                TimeUnit.MILLISECONDS);
                        seen = uid;
                    }
                }
                lastSeen.put(mailbox, seen);
            } catch (FolderException | RuntimeException e) {
                log.warn("The demo's mail staff could not read {}: {}", mailbox, e.getMessage());
            }
        }
    }

    private void archiveOldReplies() {
        try {
            GreenMailUser civic311 = mail.getUserManager().getUserByEmail(settings.replyTo());
            if (civic311 == null) {
                return;
            }
            ImapHostManager folders = mail.getManagers().getImapHostManager();
            MailFolder inbox = folders.getInbox(civic311);
            MailFolder archive = folders.getFolder(civic311, ARCHIVE);
            if (archive == null) {
                archive = folders.createMailbox(civic311, ARCHIVE);
            }
            Date before = new Date(System.currentTimeMillis() - settings.archiveRepliesAfter().toMillis());
            // A copy: the folder's own list changes under the loop as each reply moves.
            for (StoredMessage reply : List.copyOf(inbox.getMessages())) {
                if (reply.getReceivedDate().before(before)) {
                    inbox.moveMessage(reply.getUid(), archive);
                }
            }
        } catch (FolderException | AuthorizationException | RuntimeException e) {
            log.warn("The demo's mail server could not archive the replies to {}: {}", settings.replyTo(),
                    e.toString());
        }
    }

    private void answer(String mailbox, MimeMessage work) {
        try {
            MimeMessage reply = new MimeMessage(session);
            reply.setFrom(new InternetAddress(mailbox));
            reply.setRecipient(Message.RecipientType.TO, new InternetAddress(settings.replyTo()));
            reply.setSubject("Re: " + work.getSubject());
            reply.setText("DONE Done by the demo's crew.\n");
            reply.saveChanges();
            GreenMailUser civic311 = mail.getUserManager().getUserByEmail(settings.replyTo());
            if (civic311 == null) {
                civic311 = mail.setUser(settings.replyTo(), settings.replyTo(), "demo");
            }
            civic311.deliver(reply);
            answered.incrementAndGet();
        } catch (MessagingException | RuntimeException e) {
            log.warn("The demo's mail staff could not answer a work email to {}: {}", mailbox, e.getMessage());
        }
    }

    /**
     * @param finishAfter how long after a work email arrives its DONE is sent; unset, nobody answers
     * @param mailboxes   the departments' mailboxes
     * @param replyTo     where DONE is sent: Civic311's reply mailbox
     * @param archiveRepliesAfter how long a reply stays in the reply mailbox's inbox before it is moved to Archive;
     *                    unset, replies stay. Longer than Civic311 can lag behind: a reply archived unread is not read
     */
    @ConfigurationProperties("civic311.demo.mail-server.staff")
    record Settings(Duration finishAfter,
                    @DefaultValue({"streets@demo.civic311.local", "triage@demo.civic311.local"}) List<String> mailboxes,
                    @DefaultValue("civic311@demo.civic311.local") String replyTo,
                    Duration archiveRepliesAfter) {
    }
}
