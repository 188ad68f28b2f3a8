package org.civic311.orchestrator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The demo mail server's retention rule for Civic311's reply mailbox (the benchmark's storm day): replies older than
 * the setting leave the inbox for Archive; newer ones stay where Civic311 reads them.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoMailArchiveTest {

    static final String REPLIES = "civic311@demo.civic311.local";

    final int imap = DemoInstallation.freePort();
    final DemoMailServer server = new DemoMailServer(
            new DemoMailServer.Ports(DemoInstallation.freePort(), imap, "127.0.0.1"));
    DemoMailStaff staff;

    @BeforeEach
    void start() {
        server.start();
        staff = server.staff(new DemoMailStaff.Settings(Duration.ofSeconds(1), List.of("streets@demo.civic311.local"),
                REPLIES, Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        staff.stop();
        server.stop();
    }

    @Test
    void repliesOlderThanTheSettingMoveToArchiveAndNewerOnesStay(CapturedOutput log) throws Exception {
        Instant old = Instant.now().minus(Duration.ofHours(1));
        try (Store store = connect()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.appendMessages(new Message[] {
                    reply("Re: [SR-1] Pothole", old),
                    reply("Re: [SR-2] Pothole", Instant.now().plus(Duration.ofHours(1))),
                    reply("Re: [SR-3] Pothole", old),
                    reply("Re: [SR-4] Pothole", old)});
        }
        staff.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> subjects("Archive"), s -> s.size() == 3);
        assertThat(subjects("Archive"))
                .containsExactlyInAnyOrder("Re: [SR-1] Pothole", "Re: [SR-3] Pothole", "Re: [SR-4] Pothole");
        assertThat(subjects("INBOX")).containsExactly("Re: [SR-2] Pothole");
        assertThat(log.getAll()).as("all in one round, none failing").doesNotContain("could not archive");
    }

    private List<String> subjects(String folderName) throws Exception {
        try (Store store = connect()) {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message message : folder.getMessages()) {
                subjects.add(message.getSubject());
            }
            folder.close(false);
            return subjects;
        }
    }

    private Store connect() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", imap, REPLIES, "any");
        return store;
    }

    /** A reply the server received at the given time (the date a mail client appends it with). */
    private static MimeMessage reply(String subject, Instant received) throws Exception {
        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            public Date getReceivedDate() {
                return Date.from(received);
            }
        };
        reply.setFrom("streets@demo.civic311.local");
        reply.setRecipients(Message.RecipientType.TO, REPLIES);
        reply.setSubject(subject);
        reply.setText("DONE\n");
        return reply;
    }
}
