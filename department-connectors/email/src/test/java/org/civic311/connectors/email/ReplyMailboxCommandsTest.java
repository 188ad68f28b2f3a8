package org.civic311.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.civic311.connectors.tck.ConnectorSettings;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.AuthorizationException;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A poll of the reply mailbox costs the same few IMAP commands however many replies it takes: a server answers each
 * command in time that grows with the mailbox, so a command per reply made a storm day's polls fall behind. Counted
 * on the wire, between the connector and a real IMAP server.
 */
class ReplyMailboxCommandsTest {

    static final String REPLY_MAILBOX = "replies@civic311.local";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(REPLY_MAILBOX, "replies", "replies-secret"));

    CountingRelay relay;
    ReplyMailbox mailbox;

    @BeforeEach
    void relayToTheServer() throws IOException {
        relay = new CountingRelay(greenMail.getImap().getPort());
        mailbox = new ReplyMailbox(ConnectorSettings.bind(EmailConnectorProperties.PREFIX,
                EmailConnectorProperties.class, "enabled", "true", "from", "dispatch@civic311.local",
                "reply-to", REPLY_MAILBOX, "token-secret", "test-secret-0123456789",
                "smtp.host", "127.0.0.1", "smtp.port", "25",
                "imap.host", "127.0.0.1", "imap.port", Integer.toString(relay.port()),
                "imap.username", "replies", "imap.password", "replies-secret").imap());
    }

    @AfterEach
    void stop() throws IOException {
        relay.close();
    }

    @Test
    void aPollOfTwentyRepliesTakesTheCommandsOfAPollOfOne() throws Exception {
        Instant since = Instant.now().minus(Duration.ofMinutes(1));
        deliverReplies(1);
        assertThat(mailbox.receivedSince(since, 200).messages()).hasSize(1);
        Map<String, Integer> one = relay.takeCounts();

        deliverReplies(19);
        assertThat(mailbox.receivedSince(since, 200).messages()).hasSize(20);
        Map<String, Integer> twenty = relay.takeCounts();

        assertThat(twenty).isEqualTo(one);
        assertThat(twenty).containsEntry("SEARCH", 1).containsEntry("FETCH", 2);
    }

    /**
     * A person or a retention rule moves replies away while Civic311 reads: every reply still there is read as
     * itself. (The demo's mail server renumbers its messages at once, so a read by message number would take one
     * reply's date or body for another's.)
     */
    @Test
    void repliesMovedAwayDuringAPollLeaveTheOthersReadAsThemselves() throws Exception {
        Instant since = Instant.now().minus(Duration.ofMinutes(1));
        deliverReplies(5);
        relay.beforeNext("FETCH", () -> moveOldestToArchive(2));

        List<MimeMessage> read = mailbox.receivedSince(since, 200).messages();

        assertThat(read).extracting(MimeMessage::getSubject).containsExactly(
                "Re: [SR-2026-000002] Pothole", "Re: [SR-2026-000003] Pothole", "Re: [SR-2026-000004] Pothole");
    }

    private void moveOldestToArchive(int count) {
        try {
            GreenMailUser replies = greenMail.getUserManager().getUserByEmail(REPLY_MAILBOX);
            ImapHostManager folders = greenMail.getManagers().getImapHostManager();
            MailFolder inbox = folders.getInbox(replies);
            MailFolder archive = folders.createMailbox(replies, "Archive");
            for (StoredMessage oldest : List.copyOf(inbox.getMessages()).subList(0, count)) {
                inbox.moveMessage(oldest.getUid(), archive);
            }
        } catch (FolderException | AuthorizationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void deliverReplies(int count) throws Exception {
        GreenMailUser replies = greenMail.getUserManager().getUserByEmail(REPLY_MAILBOX);
        for (int i = 0; i < count; i++) {
            MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
            reply.setFrom("streets@demo.civic311.local");
            reply.setRecipients(Message.RecipientType.TO, REPLY_MAILBOX);
            reply.setSubject("Re: [SR-2026-" + String.format("%06d", i) + "] Pothole");
            reply.setText("DONE\n");
            replies.deliver(reply);
        }
    }

    /** Passes IMAP through to the server and counts the client's commands by name. */
    static final class CountingRelay implements AutoCloseable {

        private static final Pattern COMMAND = Pattern.compile("^\\S+ (?:UID )?([A-Z]+)");
        private final ServerSocket listener = new ServerSocket(0);
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        private final Map<String, Runnable> beforeNext = new ConcurrentHashMap<>();

        CountingRelay(int serverPort) throws IOException {
            daemon(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket client = listener.accept();
                        Socket server = new Socket("127.0.0.1", serverPort);
                        daemon(() -> pass(server.getInputStream(), client.getOutputStream()));
                        daemon(() -> countAndPass(client.getInputStream(), server.getOutputStream()));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        /** Runs {@code action} when the client next sends a command of that name, before the server sees it. */
        void beforeNext(String name, Runnable action) {
            beforeNext.put(name, action);
        }

        int port() {
            return listener.getLocalPort();
        }

        /** The commands since the last call, by name (a UID FETCH counts as a FETCH). */
        Map<String, Integer> takeCounts() {
            Map<String, Integer> taken = new TreeMap<>();
            counts.forEach((name, count) -> taken.put(name, count.getAndSet(0)));
            taken.values().removeIf(count -> count == 0);
            return taken;
        }

        /** Each line is counted before it is passed on, so the count is complete when the server answers. */
        private void countAndPass(InputStream from, OutputStream to) throws IOException {
            try (from; to) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                for (int b; (b = from.read()) != -1; ) {
                    line.write(b);
                    if (b == '\n') {
                        Matcher command = COMMAND.matcher(line.toString(StandardCharsets.US_ASCII));
                        if (command.find()) {
                            counts.computeIfAbsent(command.group(1), name -> new AtomicInteger()).incrementAndGet();
                            Runnable action = beforeNext.remove(command.group(1));
                            if (action != null) {
                                action.run();
                            }
                        }
                        to.write(line.toByteArray());
                        to.flush();
                        line.reset();
                    }
                }
            }
        }

        private static void pass(InputStream from, OutputStream to) throws IOException {
            try (from; to) {
                from.transferTo(to);
            }
        }

        private static void daemon(Relaying work) {
            Thread thread = new Thread(() -> {
                try {
                    work.run();
                } catch (IOException closed) {
                    // either side closed the connection
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }

        private interface Relaying {
            void run() throws IOException;
        }
    }
}
