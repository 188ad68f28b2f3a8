package org.civic311.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.ConnectorRefusal;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.PulledUpdates;
import org.civic311.connectors.Redaction;
import org.civic311.connectors.WorkOrder;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.WorkUpdate;
import org.civic311.connectors.tck.ConnectorSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Against a real SMTP and IMAP server (GreenMail): what the department receives, and what its replies do. */
@ExtendWith(OutputCaptureExtension.class)
class EmailConnectorTest {

    static final String DEPARTMENT_MAILBOX = "streets@demo.civic311.local";
    static final String FOREMAN = "foreman@demo.civic311.local";
    static final String REPLY_MAILBOX = "replies@civic311.local";
    static final String REPLY_LOGIN = "replies";
    static final String REPLY_PASSWORD = "replies-secret";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser(DEPARTMENT_MAILBOX, "streets", "streets-secret")
                    .withUser(REPLY_MAILBOX, REPLY_LOGIN, REPLY_PASSWORD));

    EmailConnectorProperties properties;
    EmailConnector connector;

    @BeforeEach
    void connectToGreenMail() {
        properties = properties(greenMail.getSmtp().getPort(), REPLY_PASSWORD);
        connector = new EmailConnector(properties);
    }

    /** The same settings in a new process: what it has sent is not known to it. */
    private EmailConnector restarted() {
        return new EmailConnector(properties);
    }

    @Test
    void departmentReceivesOneEmailWithWhatWhereAndWhenDue() throws Exception {
        ExternalRef ref = connector.push(pothole("42"));

        MimeMessage mail = awaitDepartmentMail(1).get(0);
        assertThat(ref.system()).isEqualTo("email");
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(DEPARTMENT_MAILBOX);
        assertThat(mail.getSubject())
                .startsWith("[SR-2026-000001] Pothole at 12 Main St")
                .endsWith("[ref:" + token(mail) + "]");
        assertThat(mail.getReplyTo()).extracting(Object::toString).containsExactly(REPLY_MAILBOX);
        // The task is known by the reference without its signature, which stays in the mail.
        assertThat(token(mail)).startsWith(ref.id() + ".").hasSize(ref.id().length() + 21);
        assertThat(mail.getMessageID()).isEqualTo("<" + token(mail) + "@civic311>");
        assertThat(mail.isMimeType("text/plain")).isTrue();
        assertThat((String) mail.getContent())
                .contains("Deep pothole in the right lane, about 30 cm across")
                .contains("12 Main St", "40.7128, -74.006", "10001")
                .contains("Tue 3 Mar 2026, 14:00 UTC")
                .contains("P2", "depth: deep", "https://civic311.local/media/abc.jpg", "SR-2026-000001")
                .contains("Start your reply with DONE");
    }

    @Test
    void aWithdrawnItemIsAnnouncedToTheDepartmentAndAReplyToThatChangesNothing() throws Exception {
        ExternalRef ref = connector.push(pothole("42"));
        awaitDepartmentMail(1);

        assertThat(connector.cancel(ref, "Sent to Urban Forestry instead.")).isTrue();

        MimeMessage withdrawn = awaitDepartmentMail(2).get(1);
        assertThat(withdrawn.getSubject()).isEqualTo("Withdrawn, do not work on it: " + ref.id());
        assertThat((String) withdrawn.getContent()).contains(ref.id()).contains("Sent to Urban Forestry instead.");
        // Only the signed token in the work email can close the task; the withdrawal carries none.
        assertThat(withdrawn.getSubject() + withdrawn.getContent()).doesNotContain("[ref:");
        send(replyTo(withdrawn, DEPARTMENT_MAILBOX, "DONE anyway"));
        await().until(() -> greenMail.getReceivedMessagesForDomain(REPLY_MAILBOX).length == 1);
        assertThat(connector.pullUpdates(Instant.EPOCH).updates()).isEmpty();
    }

    @Test
    void doneReplyFromTheDepartmentCompletesTheTask() throws Exception {
        ExternalRef ref = connector.push(pothole("42"));
        MimeMessage dispatched = awaitDepartmentMail(1).get(0);

        MimeMessage reply = replyTo(dispatched, DEPARTMENT_MAILBOX,
                "DONE filled and compacted\n\n" + gmailQuote(dispatched));
        reply.setHeader("Message-ID", "<reply-1@mail.demo.civic311.local>");
        send(reply);

        List<WorkUpdate> updates = awaitUpdates();
        assertThat(updates).hasSize(1);
        WorkUpdate update = updates.get(0);
        assertThat(update.status()).isEqualTo(WorkStatus.COMPLETED);
        assertThat(update.note()).isEqualTo("filled and compacted");
        assertThat(update.ref()).isEqualTo(ref);
        assertThat(update.updateId()).isEqualTo("<reply-1@mail.demo.civic311.local>");
        assertThat(update.at()).isEqualTo(reply.getSentDate().toInstant());
    }

    @Test
    void theSameWatermarkReturnsTheReplyAgainUnderTheSameIdALaterOneDoesNot() throws Exception {
        connector.push(pothole("42"));
        MimeMessage dispatched = awaitDepartmentMail(1).get(0);
        Instant watermark = Instant.now().minus(Duration.ofMinutes(5));
        send(replyTo(dispatched, DEPARTMENT_MAILBOX, "DONE filled"));
        WorkUpdate first = awaitUpdates(watermark).get(0);
        Instant afterTheReplyArrived = Instant.now();

        // Until the orchestrator has applied it, its watermark stays put and the reply must come again.
        assertThat(connector.pullUpdates(watermark).updates()).containsExactly(first);
        assertThat(connector.pullUpdates(afterTheReplyArrived).updates()).isEmpty();
        assertReplyMailboxUntouched();
    }

    @Test
    void replyAlreadyOpenedInAMailClientIsStillPickedUp() throws Exception {
        ExternalRef ref = connector.push(pothole("42"));
        MimeMessage dispatched = awaitDepartmentMail(1).get(0);
        send(replyTo(dispatched, DEPARTMENT_MAILBOX, "DONE filled"));
        await().atMost(Duration.ofSeconds(10)).until(() -> replyMailboxMessages() > 0);

        openEveryReplyInAMailClient();

        assertThat(unreadInReplyMailbox()).isZero();
        assertThat(connector.pullUpdates(Instant.EPOCH).updates()).singleElement().satisfies(update -> {
            assertThat(update.ref()).isEqualTo(ref);
            assertThat(update.status()).isEqualTo(WorkStatus.COMPLETED);
        });
    }

    @Test
    void replyReceivedBeforeTheWatermarkIsNotReturned() throws Exception {
        ExternalRef ref = connector.push(pothole("42"));
        MimeMessage dispatched = awaitDepartmentMail(1).get(0);
        Instant received = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);

        deliverToReplyMailbox(replyTo(dispatched, DEPARTMENT_MAILBOX, "DONE"), received);

        assertThat(connector.pullUpdates(received.plusSeconds(1)).updates()).isEmpty();
        assertThat(connector.pullUpdates(received).updates()).singleElement().extracting(WorkUpdate::ref).isEqualTo(ref);
    }

    @Test
    void replyHeldUpOnTheWayCountsFromWhenItArrived() throws Exception {
        ExternalRef ref = connector.push(pothole("42"));
        MimeMessage dispatched = awaitDepartmentMail(1).get(0);
        Instant received = Instant.now().minus(Duration.ofMinutes(10));
        MimeMessage reply = replyTo(dispatched, DEPARTMENT_MAILBOX, "DONE");
        reply.setSentDate(Date.from(received.minus(Duration.ofDays(2)))); // sat in a laptop's outbox all weekend

        deliverToReplyMailbox(reply, received);

        assertThat(connector.pullUpdates(received.minus(Duration.ofMinutes(5))).updates())
                .singleElement().extracting(WorkUpdate::ref).isEqualTo(ref);
    }

    @Test
    void referenceTheClerkCopiedIntoTheNoteIsNotPublished() throws Exception {
        ExternalRef ref = connector.push(pothole("42"));
        MimeMessage dispatched = awaitDepartmentMail(1).get(0);

        send(replyTo(dispatched, DEPARTMENT_MAILBOX, "DONE filled, job " + token(dispatched) + "\nCopy: [ref:"
                + token(dispatched) + "]\n\n" + gmailQuote(dispatched)));

        assertThat(awaitUpdates()).singleElement().satisfies(update -> {
            assertThat(update.ref()).isEqualTo(ref);
            assertThat(update.status()).isEqualTo(WorkStatus.COMPLETED);
            assertThat(Redaction.forPublic(update.note())).isEqualTo("filled, job [reference]\nCopy: [reference]");
        });
    }

    @Test
    void aReplyThatCannotBeReadIsReportedWithItsTaskNotSkipped() throws Exception {
        ExternalRef ref = connector.push(pothole("42"));
        MimeMessage dispatched = awaitDepartmentMail(1).get(0);
        MimeMessage broken = brokenReplyTo(dispatched, "<broken-1@mail.demo.civic311.local>");

        replyInbox().appendMessage(broken, new Flags(), new Date()); // as it came, not re-encoded

        PulledUpdates pulled = connector.pullUpdates(Instant.EPOCH);
        assertThat(pulled.updates()).isEmpty();
        assertThat(pulled.unreadable()).singleElement().satisfies(unreadable -> {
            assertThat(unreadable.ref()).isEqualTo(ref);
            assertThat(unreadable.updateId()).isEqualTo("<broken-1@mail.demo.civic311.local>");
            assertThat(unreadable.reason()).contains("could not be read").doesNotContain(DEPARTMENT_MAILBOX);
        });
    }

    @Test
    void aBoundedNumberOfRepliesIsReadPerPollAndTheRestComeFromWhereItStopped() throws Exception {
        EmailConnector twoAtATime = new EmailConnector(properties, 2);
        connector.push(pothole("42"));
        MimeMessage dispatched = awaitDepartmentMail(1).get(0);
        Instant first = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            MimeMessage reply = replyTo(dispatched, DEPARTMENT_MAILBOX, "Note " + i);
            reply.setHeader("Message-ID", "<note-" + i + "@mail.demo.civic311.local>");
            deliverToReplyMailbox(reply, first.plus(Duration.ofMinutes(i)));
        }

        PulledUpdates firstPoll = twoAtATime.pullUpdates(first.minus(Duration.ofMinutes(1)));
        assertThat(firstPoll.updates()).extracting(WorkUpdate::note).containsExactly("Note 0", "Note 1");
        assertThat(firstPoll.readUpTo()).isEqualTo(first.plus(Duration.ofMinutes(2)));

        PulledUpdates secondPoll = twoAtATime.pullUpdates(firstPoll.readUpTo());
        assertThat(secondPoll.updates()).extracting(WorkUpdate::note).containsExactly("Note 2");
        assertThat(secondPoll.readUpTo()).isEqualTo(first.plus(Duration.ofMinutes(2)));
    }

    @Test
    void afterReadingEverythingTheNextPollStartsJustBeforeTheNewestReplyOnTheMailServersClock() throws Exception {
        connector.push(pothole("42"));
        MimeMessage dispatched = awaitDepartmentMail(1).get(0);
        Instant since = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(connector.pullUpdates(since).readUpTo()).as("nothing arrived: the next poll starts here again")
                .isEqualTo(since);

        Instant newest = since.plus(Duration.ofHours(1));
        deliverToReplyMailbox(withId(replyTo(dispatched, DEPARTMENT_MAILBOX, "Note 0"), "<n0@x>"),
                since.plus(Duration.ofMinutes(20)));
        deliverToReplyMailbox(withId(replyTo(dispatched, DEPARTMENT_MAILBOX, "Note 1"), "<n1@x>"), newest);
        PulledUpdates all = connector.pullUpdates(since);
        assertThat(all.updates()).extracting(WorkUpdate::note).containsExactly("Note 0", "Note 1");
        assertThat(all.readUpTo()).isEqualTo(newest.minus(ReplyMailbox.STORING_MARGIN));

        PulledUpdates next = connector.pullUpdates(all.readUpTo());
        assertThat(next.updates()).as("only the newest again, inside the margin")
                .extracting(WorkUpdate::note).containsExactly("Note 1");
        assertThat(next.readUpTo()).as("never backwards").isEqualTo(all.readUpTo());
    }

    @Test
    void aReplyDatedInTheFutureMovesTheNextPollNoFurtherThanThisPollsOwnTime() throws Exception {
        connector.push(pothole("42"));
        MimeMessage dispatched = awaitDepartmentMail(1).get(0);
        deliverToReplyMailbox(withId(replyTo(dispatched, DEPARTMENT_MAILBOX, "From the future"), "<f@x>"),
                Instant.now().plus(Duration.ofDays(1)));

        Instant before = Instant.now();
        PulledUpdates pulled = connector.pullUpdates(before.minus(Duration.ofHours(1)));
        Instant after = Instant.now();

        assertThat(pulled.updates()).extracting(WorkUpdate::note).containsExactly("From the future");
        assertThat(pulled.readUpTo()).isBetween(before.minus(ReplyMailbox.STORING_MARGIN),
                after.minus(ReplyMailbox.STORING_MARGIN));
    }

    private static MimeMessage withId(MimeMessage reply, String messageId) throws MessagingException {
        reply.setHeader("Message-ID", messageId);
        return reply;
    }

    @Test
    void tokenInTheSubjectAloneIsEnoughForClientsThatDropHeaders() throws Exception {
        ExternalRef ref = connector.push(pothole("42"));
        MimeMessage dispatched = awaitDepartmentMail(1).get(0);

        MimeMessage reply = message(FOREMAN, "RE: " + dispatched.getSubject(), "Done - patched with cold mix");
        send(reply);

        assertThat(awaitUpdates()).singleElement().satisfies(update -> {
            assertThat(update.ref()).isEqualTo(ref);
            assertThat(update.status()).isEqualTo(WorkStatus.COMPLETED);
            assertThat(update.note()).isEqualTo("patched with cold mix");
        });
    }

    @Test
    void questionIsANoteEvenThoughTheQuotedInstructionsSayDone() throws Exception {
        connector.push(pothole("42"));
        MimeMessage dispatched = awaitDepartmentMail(1).get(0);

        send(replyTo(dispatched, DEPARTMENT_MAILBOX, "Can you send the exact address?\n\n" + gmailQuote(dispatched)));

        assertThat(awaitUpdates()).singleElement().satisfies(update -> {
            assertThat(update.status()).isEqualTo(WorkStatus.COMMENT);
            assertThat(update.note()).isEqualTo("Can you send the exact address?");
        });
    }

    @Test
    void htmlOnlyReplyWithDoneCompletes() throws Exception {
        ExternalRef ref = connector.push(pothole("42"));
        MimeMessage dispatched = awaitDepartmentMail(1).get(0);

        MimeMessage reply = replyTo(dispatched, DEPARTMENT_MAILBOX, "");
        reply.setContent("<html><body><div dir=\"ltr\">DONE<br>Patched with cold mix, &amp; swept.</div><br>"
                + "<div class=\"gmail_quote\"><div class=\"gmail_attr\">On Tue, 3 Mar 2026 at 09:12, Civic311 wrote:"
                + "</div><blockquote class=\"gmail_quote\">" + dispatched.getContent() + "</blockquote></div>"
                + "</body></html>", "text/html; charset=UTF-8");
        send(reply);

        assertThat(awaitUpdates()).singleElement().satisfies(update -> {
            assertThat(update.ref()).isEqualTo(ref);
            assertThat(update.status()).isEqualTo(WorkStatus.COMPLETED);
            assertThat(update.note()).isEqualTo("Patched with cold mix, & swept.");
        });
    }

    @Test
    void theFirstPushesOfABusyMomentAllGoOutThoughEachFindsTheFolderOfCopiesMissing() throws Exception {
        List<Callable<ExternalRef>> pushes = IntStream.range(0, 6).mapToObj(i -> String.valueOf(100 + i))
                .map(key -> (Callable<ExternalRef>) () -> restarted().push(pothole(key))).toList();

        ExecutorService jobThreads = Executors.newFixedThreadPool(pushes.size());
        try {
            for (Future<ExternalRef> pushed : jobThreads.invokeAll(pushes)) {
                assertThat(pushed.get()).isNotNull();
            }
        } finally {
            jobThreads.shutdown();
        }
        assertThat(awaitDepartmentMail(pushes.size())).hasSize(pushes.size());
        assertThat(filedCopies()).hasSize(pushes.size());
    }

    @Test
    void aPushRepeatedAfterARestartFindsTheFiledCopyAndSendsNothing() throws Exception {
        ExternalRef first = connector.push(pothole("42"));
        awaitDepartmentMail(1);

        ExternalRef retry = restarted().push(pothole("42"));

        assertThat(retry).isEqualTo(first);
        assertThat(departmentMail()).hasSize(1);
        String sentId = awaitDepartmentMail(1).get(0).getMessageID();
        assertThat(filedCopies()).singleElement()
                .satisfies(copy -> assertThat(copy.getMessageID()).isEqualTo(sentId));
    }

    @Test
    void aPushWhileTheReplyMailboxIsUnreadableSendsNothingAndIsRetried() {
        EmailConnector wrongMailboxPassword = new EmailConnector(properties(greenMail.getSmtp().getPort(), "wrong"));

        assertThatThrownBy(() -> wrongMailboxPassword.push(pothole("42")))
                .isInstanceOf(ConnectorException.class).isNotInstanceOf(ConnectorRefusal.class)
                .hasMessageContaining("Civic311 Sent");
        assertThat(departmentMail()).isEmpty();
    }

    private List<MimeMessage> filedCopies() throws Exception {
        MailFolder folder = greenMail.getManagers().getImapHostManager()
                .getFolder(greenMail.getUserManager().getUser(REPLY_LOGIN), "Civic311 Sent");
        return folder.getMessages().stream().map(StoredMessage::getMimeMessage).toList();
    }

    @Test
    void replyFromSomeoneOutsideTheDepartmentChangesNothingAndOnlyTheirDomainIsLogged(CapturedOutput output)
            throws Exception {
        connector.push(pothole("42"));
        MimeMessage dispatched = awaitDepartmentMail(1).get(0);

        send(replyTo(dispatched, "prankster@example.org", "DONE"));

        assertThat(pullAfterDelivery()).isEmpty();
        assertThat(output).contains("Ignoring reply", "example.org").doesNotContain("prankster");
    }

    @Test
    void unanswerableMailIsLoggedWithoutItsSenderOrSubject(CapturedOutput output) throws Exception {
        send(message("Jane Resident <jane.resident@example.org>", "My pothole on 12 Main St", "Any news?"));

        assertThat(pullAfterDelivery()).isEmpty();
        assertThat(output).contains("Ignoring mail without a genuine Civic311 reference", "example.org")
                .doesNotContain("jane.resident", "Jane Resident", "12 Main St");
    }

    @Test
    void replyWithAnAlteredSignatureChangesNothing() throws Exception {
        ExternalRef ref = connector.push(pothole("42"));
        MimeMessage dispatched = awaitDepartmentMail(1).get(0);
        String token = token(dispatched);
        String forged = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");

        send(forgedReply(dispatched, forged));

        assertThat(pullAfterDelivery()).isEmpty();
    }

    @Test
    void signatureCopiedOntoAnotherTaskChangesNothing() throws Exception {
        ExternalRef ref = connector.push(pothole("42"));
        MimeMessage dispatched = awaitDepartmentMail(1).get(0);
        String forged = token(dispatched).replace("C311-42.", "C311-43.");

        send(forgedReply(dispatched, forged));

        assertThat(pullAfterDelivery()).isEmpty();
    }

    @Test
    void outOfOfficeAnswerChangesNothing() throws Exception {
        connector.push(pothole("42"));
        MimeMessage dispatched = awaitDepartmentMail(1).get(0);

        MimeMessage autoReply = replyTo(dispatched, DEPARTMENT_MAILBOX, "Done for the week, back on Monday.");
        autoReply.setSubject("Automatic reply: " + dispatched.getSubject());
        autoReply.setHeader("Auto-Submitted", "auto-replied");
        send(autoReply);

        assertThat(pullAfterDelivery()).isEmpty();
    }

    @Test
    void readReceiptFromTheDepartmentChangesNothing() throws Exception {
        connector.push(pothole("42"));
        MimeMessage dispatched = awaitDepartmentMail(1).get(0);

        MimeMessage receipt = replyTo(dispatched, DEPARTMENT_MAILBOX, "");
        receipt.setSubject("Read: " + dispatched.getSubject());
        MimeMultipart report = new MimeMultipart("report; report-type=disposition-notification");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("DONE reading: your message was displayed on Tue, 3 Mar 2026.");
        MimeBodyPart machine = new MimeBodyPart();
        machine.setContent("Final-Recipient: rfc822;" + DEPARTMENT_MAILBOX + "\r\nOriginal-Message-ID: "
                + dispatched.getMessageID() + "\r\nDisposition: manual-action/MDN-sent-manually; displayed\r\n",
                "message/disposition-notification");
        report.addBodyPart(human);
        report.addBodyPart(machine);
        receipt.setContent(report);
        send(receipt);

        assertThat(pullAfterDelivery()).isEmpty();
    }

    @Test
    void unknownDepartmentIsRefusedAndNothingIsSent() {
        WorkOrder parks = pothole("42");
        WorkOrder forParks = new WorkOrder(parks.taskKey(), parks.trackingNumber(), parks.serviceCode(),
                parks.serviceName(), "parks", parks.priority(), null, parks.dueAt(), parks.description(),
                parks.location(), parks.attributes(), parks.caller(), parks.mediaUrl());

        assertThatThrownBy(() -> connector.push(forParks))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("parks");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void smtpServerDownIsAConnectorFailureTheCallerRetries() throws IOException {
        EmailConnector unreachable = new EmailConnector(properties(unusedPort(), REPLY_PASSWORD));

        assertThatThrownBy(() -> unreachable.push(pothole("42")))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("42");
    }

    @Test
    void wrongMailboxPasswordIsAConnectorFailure() {
        EmailConnector wrongPassword = new EmailConnector(properties(greenMail.getSmtp().getPort(), "not-the-password"));

        assertThatThrownBy(() -> wrongPassword.pullUpdates(Instant.EPOCH).updates())
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining(REPLY_LOGIN);
    }

    // --- the department's side ---

    /** The whole signed token of a work mail, as its Message-ID carries it. */
    static String token(MimeMessage work) throws Exception {
        return work.getMessageID().replaceAll("^<(.*)@civic311>$", "$1");
    }

    static WorkOrder pothole(String taskId) {
        return new WorkOrder(taskId, "SR-2026-000001", "pothole", "Pothole", "streets", "P2", null,
                Instant.parse("2026-03-03T14:00:00Z"), "Deep pothole in the right lane, about 30 cm across.",
                new WorkOrder.Location(40.7128, -74.006, "12 Main St", null, "10001"),
                Map.of("depth", List.of("deep")), null, "https://civic311.local/media/abc.jpg");
    }

    /** What a mail client builds when the clerk presses Reply: same thread headers, Re: subject. */
    MimeMessage replyTo(MimeMessage dispatched, String from, String body) throws MessagingException {
        MimeMessage reply = message(from, "Re: " + dispatched.getSubject(), body);
        reply.setHeader("In-Reply-To", dispatched.getMessageID());
        reply.setHeader("References", dispatched.getMessageID());
        return reply;
    }

    /** A reply whose multipart body has lost its boundaries, as a broken mail client or gateway sends it. */
    MimeMessage brokenReplyTo(MimeMessage dispatched, String messageId) throws Exception {
        String raw = "From: " + DEPARTMENT_MAILBOX + "\r\n"
                + "To: " + REPLY_MAILBOX + "\r\n"
                + "Subject: Re: " + dispatched.getSubject() + "\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + "In-Reply-To: " + dispatched.getMessageID() + "\r\n"
                + "Date: " + new jakarta.mail.internet.MailDateFormat().format(new Date()) + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"lost\"\r\n\r\n"
                + "DONE filled, call 312-555-0199\r\n";
        return new MimeMessage(smtpSession(), new java.io.ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            @Override
            protected void updateMessageID() {
                // keep the one it came with
            }
        };
    }

    MimeMessage forgedReply(MimeMessage dispatched, String forgedToken) throws MessagingException {
        String subject = dispatched.getSubject().replaceAll("\\[ref:[^]]+]", "[ref:" + forgedToken + "]");
        MimeMessage reply = message(DEPARTMENT_MAILBOX, "Re: " + subject, "DONE");
        reply.setHeader("In-Reply-To", "<" + forgedToken + "@civic311>");
        return reply;
    }

    MimeMessage message(String from, String subject, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(smtpSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (getHeader("Message-ID") == null) { // keep one a test set
                    super.updateMessageID();
                }
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(REPLY_MAILBOX));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        message.setText(body, "UTF-8");
        return message;
    }

    static String gmailQuote(MimeMessage dispatched) throws Exception {
        String quoted = ((String) dispatched.getContent()).lines().map(line -> "> " + line)
                .collect(Collectors.joining("\n"));
        return "On Tue, 3 Mar 2026 at 09:12, Civic311 <dispatch@civic311.local> wrote:\n\n" + quoted;
    }

    void send(MimeMessage message) throws MessagingException {
        Transport.send(message);
    }

    Session smtpSession() {
        Properties smtp = new Properties();
        smtp.setProperty("mail.smtp.host", greenMail.getSmtp().getBindTo());
        smtp.setProperty("mail.smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
        return Session.getInstance(smtp);
    }

    // --- waiting for mail ---

    List<MimeMessage> awaitDepartmentMail(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> departmentMail().size() >= count);
        return departmentMail();
    }

    List<MimeMessage> departmentMail() {
        return inbox(greenMail, DEPARTMENT_MAILBOX);
    }

    /** What arrived in that address's inbox: not the copies Civic311 files in its own sent folder. */
    static List<MimeMessage> inbox(GreenMailExtension mail, String address) {
        GreenMailUser user = mail.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        try {
            return mail.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                    .map(StoredMessage::getMimeMessage).toList();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    static jakarta.mail.Address[] recipients(MimeMessage m) {
        try {
            return m.getAllRecipients();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls like the orchestrator does until the reply has been read. */
    List<WorkUpdate> awaitUpdates() {
        return awaitUpdates(Instant.EPOCH);
    }

    List<WorkUpdate> awaitUpdates(Instant since) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> connector.pullUpdates(since).updates(), updates -> !updates.isEmpty());
    }

    /**
     * Waits until the reply mailbox holds the message, then polls once: nothing may come of it. Every message
     * received since the watermark is read, so it was judged, not missed; and judging it changed nothing.
     */
    List<WorkUpdate> pullAfterDelivery() {
        await().atMost(Duration.ofSeconds(10)).until(() -> replyMailboxMessages() > 0);
        List<WorkUpdate> updates = connector.pullUpdates(Instant.EPOCH).updates();
        assertReplyMailboxUntouched();
        return updates;
    }

    /**
     * Neither read, flagged nor tagged: a person looking at the mailbox sees it as it arrived.
     */
    void assertReplyMailboxUntouched() {
        assertThat(replyInbox().getMessages()).isNotEmpty().allSatisfy(stored -> {
            Flags flags = stored.getFlags();
            assertThat(flags.contains(Flags.Flag.SEEN)).as("\\Seen").isFalse();
            assertThat(flags.contains(Flags.Flag.FLAGGED)).as("\\Flagged").isFalse();
            assertThat(flags.getUserFlags()).as("keywords").isEmpty();
        });
    }

    /** What a mail client does when the clerk clicks through the mailbox: each reply shown, and marked read. */
    void openEveryReplyInAMailClient() throws Exception {
        try (Store store = smtpSession().getStore("imap")) {
            store.connect(greenMail.getImap().getBindTo(), greenMail.getImap().getPort(), REPLY_LOGIN, REPLY_PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message message : inbox.getMessages()) {
                message.getContent();
                message.setFlag(Flags.Flag.SEEN, true);
            }
            inbox.close(false);
        }
    }

    /** Files the reply in the reply mailbox as if the server had received it at that time. */
    void deliverToReplyMailbox(MimeMessage reply, Instant received) throws MessagingException {
        reply.saveChanges();
        replyInbox().appendMessage(reply, new Flags(), Date.from(received));
    }

    long replyMailboxMessages() {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> GreenMailUtil.getAddressList(recipients(m)).contains(REPLY_MAILBOX))
                .count();
    }

    long unreadInReplyMailbox() {
        return replyInbox().getUnseenCount();
    }

    MailFolder replyInbox() {
        try {
            return greenMail.getManagers().getImapHostManager()
                    .getInbox(greenMail.getUserManager().getUserByEmail(REPLY_MAILBOX));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static EmailConnectorProperties properties(int smtpPort, String imapPassword) {
        return ConnectorSettings.bind(EmailConnectorProperties.PREFIX, EmailConnectorProperties.class, "enabled", "true",
                "from", "Civic311 <dispatch@civic311.local>",
                "reply-to", REPLY_MAILBOX,
                "token-secret", "test-secret-0123456789",
                "smtp.host", greenMail.getSmtp().getBindTo(),
                "smtp.port", Integer.toString(smtpPort),
                "imap.host", greenMail.getImap().getBindTo(),
                "imap.port", Integer.toString(greenMail.getImap().getPort()),
                "imap.username", REPLY_LOGIN,
                "imap.password", imapPassword,
                "departments.streets.address", DEPARTMENT_MAILBOX,
                "departments.streets.allowed-senders", DEPARTMENT_MAILBOX + ",Foreman@Demo.Civic311.local");
    }
}
