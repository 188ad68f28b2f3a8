package org.civic311.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.civic311.orchestrator.request.ServiceRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * The walking skeleton, end to end over HTTP, SMTP and IMAP: a resident reports a pothole, the Streets
 * department gets the work by email, replies DONE, and the resident hears back. Runs on H2 here and on
 * MySQL in {@link WholeLoopOnMySqlTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("e2e")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class WholeLoopTest {

    static final String STREETS = "streets@test.civic311.local";
    static final String REPLY_MAILBOX = "civic311@test.civic311.local";
    static final String RESIDENT = "jane.resident@example.org";
    static final Pattern TRACKING_NUMBER = Pattern.compile("SR-\\d{4}-\\d{6}");

    static final GreenMail MAIL = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    static {
        MAIL.start();
        MAIL.setUser(REPLY_MAILBOX, REPLY_MAILBOX, "reply-mailbox-secret");
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("civic311.connectors.email.smtp.port", () -> MAIL.getSmtp().getPort());
        registry.add("civic311.connectors.email.imap.port", () -> MAIL.getImap().getPort());
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient db;
    @Autowired
    ServiceRequests requests;
    @Autowired
    RuntimeService runtime;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void emptyMailboxes() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
    }

    @Test
    void aPotholeTravelsToTheStreetsMailboxAndTheResidentHearsBackWhenItIsDone() throws Exception {
        ResponseEntity<String> submitted = submit(pothole());
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode receipt = json.readTree(submitted.getBody()).get(0);
        String id = receipt.get("service_request_id").asText();
        assertThat(id).matches(TRACKING_NUMBER);
        assertThat(receipt.get("service_notice").asText()).contains("Streets Department");

        JsonNode open = request(id);
        assertThat(open.get("status").asText()).isEqualTo("open");
        assertThat(open.get("agency_responsible").asText()).isEqualTo("Streets Department");
        assertThat(open.get("expected_datetime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
        assertThat(open.get("address").asText()).isEqualTo("121 N LaSalle St");

        MimeMessage work = awaitMail(STREETS);
        assertThat(work.getSubject()).contains("[" + id + "]").contains("Pothole");
        assertThat(GreenMailUtil.getBody(work)).contains("Deep pothole in the bike lane").contains("121 N LaSalle St");
        assertThat(work.getReplyTo()[0].toString()).isEqualTo(REPLY_MAILBOX);
        await().untilAsserted(() -> assertThat(request(id).get("status_notes").asText()).contains("Sent to Streets Department"));

        // A stranger cannot close it, whatever they write; the department's remark is kept for staff.
        reply(work, "mallory@example.org", "DONE nothing to see here");
        reply(work, STREETS, "Crew booked for Tuesday morning.");
        await().untilAsserted(() -> assertThat(staffNotes(id)).containsExactly("Crew booked for Tuesday morning."));
        assertThat(request(id).get("status").asText()).isEqualTo("open");

        reply(work, STREETS, "DONE\nFilled and compacted.\n\n> quoted original\n");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(request(id).get("status").asText()).isEqualTo("closed"));
        JsonNode closed = request(id);
        assertThat(closed.get("status_notes").asText()).isEqualTo("Filled and compacted.");
        assertThat(closed.get("updated_datetime").asText()).isNotBlank();

        MimeMessage notice = awaitNotice(id);
        assertThat(notice.getSubject()).contains(id).contains("closed");
        assertThat(GreenMailUtil.getBody(notice)).contains("Filled and compacted.").contains("Jane");
    }

    @Test
    void theClosingWordsArePublishedAndMailedWithoutTheClerksPhoneNumberOrEmailAddress() throws Exception {
        String id = json.readTree(submit(pothole()).getBody()).get(0).get("service_request_id").asText();
        MimeMessage work = awaitMail(STREETS);

        reply(work, STREETS, "DONE Filled and compacted. Questions: call 312-555-0199 or bob.smith@streets.city.gov\n"
                + "-- \nBob Smith, Streets Department\n");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(request(id).get("status").asText()).isEqualTo("closed"));
        assertThat(request(id).get("status_notes").asText())
                .isEqualTo("Filled and compacted. Questions: call [phone number] or [email address]");
        String notice = GreenMailUtil.getBody(awaitNotice(id));
        assertThat(notice).contains("Filled and compacted.")
                .doesNotContain("312-555-0199").doesNotContain("bob.smith").doesNotContain("Bob Smith");
        for (String answer : publicAnswersAbout(id)) {
            assertThat(answer).contains("Filled and compacted")
                    .doesNotContain("312-555-0199").doesNotContain("bob.smith").doesNotContain("Bob Smith");
        }
    }

    @Test
    void aDepartmentsPlainCommentIsAStaffNoteAndInNoPublicAnswer() throws Exception {
        String id = json.readTree(submit(pothole()).getBody()).get(0).get("service_request_id").asText();
        MimeMessage work = awaitMail(STREETS);

        reply(work, STREETS, "Resident rang again, says the hole is getting bigger. Gravel stocks low.");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(staffNotes(id))
                .containsExactly("Resident rang again, says the hole is getting bigger. Gravel stocks low."));
        assertThat(request(id).get("status").asText()).isEqualTo("open");
        for (String answer : publicAnswersAbout(id)) {
            assertThat(answer).contains(id).doesNotContain("Gravel").doesNotContain("rang again");
        }
        // Staff read them with their engine login; nobody else can.
        String notes = "/staff/api/requests/{id}/notes";
        assertThat(http.getForEntity(notes, String.class, id).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("stranger", "guess").getForEntity(notes, String.class, id).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> answer = http.withBasicAuth("e2eadmin", "e2e-admin-password")
                .getForEntity(notes, String.class, id);
        assertThat(answer.getStatusCode()).as(answer.toString()).isEqualTo(HttpStatus.OK);
        JsonNode staff = json.readTree(answer.getBody());
        assertThat(staff.get(0).get("author").asText()).isEqualTo("Streets Department");
        assertThat(staff.get(0).get("body").asText())
                .isEqualTo("Resident rang again, says the hole is getting bigger. Gravel stocks low.");
    }

    @Test
    void aReplyThatCannotBeReadIsKeptAndShownOnTheRequestsProcess() throws Exception {
        String id = json.readTree(submit(pothole()).getBody()).get(0).get("service_request_id").asText();
        MimeMessage work = awaitMail(STREETS);
        // The work email can arrive before its sending is recorded, and an unreadable reply read before that is kept
        // for staff without its task: a department answers after the work reached it.
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("""
                        SELECT COUNT(*) FROM department_task t JOIN service_request r ON r.id = t.request_id
                        WHERE r.tracking_number = :id AND t.dispatched_at IS NOT NULL""")
                .param("id", id).query(Long.class).single() == 1);

        deliverRaw("From: " + STREETS + "\r\nTo: " + REPLY_MAILBOX + "\r\nSubject: Re: " + work.getSubject()
                + "\r\nMessage-ID: <broken@streets.test>\r\nIn-Reply-To: " + work.getMessageID()
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"lost\"\r\n\r\nDONE filled\r\n");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(runtime.createIncidentQuery()
                .incidentType("departmentUpdateUnreadable").list()).anySatisfy(incident -> assertThat(runtime
                        .createProcessInstanceQuery().processInstanceId(incident.getProcessInstanceId()).singleResult()
                        .getBusinessKey()).isEqualTo(id)));
        assertThat(db.sql("""
                        SELECT COUNT(*) FROM unreadable_update u JOIN department_task t ON t.id = u.task_id
                        JOIN service_request r ON r.id = t.request_id WHERE r.tracking_number = :id""")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(request(id).get("status").asText()).isEqualTo("open");
    }

    @Test
    void aReplyWithAMessageIdLongerThanItsColumnStillClosesTheRequest() throws Exception {
        String id = json.readTree(submit(pothole()).getBody()).get(0).get("service_request_id").asText();
        MimeMessage work = awaitMail(STREETS);

        reply(work, STREETS, "DONE Filled.", "<" + "x".repeat(400) + "@streets.test>");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(request(id).get("status").asText()).isEqualTo("closed"));
        assertThat(GreenMailUtil.getBody(awaitNotice(id))).contains("Filled.");
    }

    @Test
    void theReferenceOfAClosedTaskClosesNothingAgainAndNoReferenceReachesTheLog(CapturedOutput log) throws Exception {
        String id = json.readTree(submit(pothole()).getBody()).get(0).get("service_request_id").asText();
        MimeMessage work = awaitMail(STREETS);
        String reference = GreenMailUtil.getBody(work).replaceAll("(?s).*Reference: (\\S+).*", "$1");
        assertThat(reference).startsWith("C311-");
        reply(work, "mallory@example.org", "DONE nothing to see here");
        reply(work, STREETS, "DONE\nFilled and compacted.");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(request(id).get("status").asText()).isEqualTo("closed"));
        awaitNotice(id);

        // Weeks later a clerk answers the old mail again, or someone replays it.
        reply(work, STREETS, "DONE\nSomething else entirely.");
        await().atMost(Duration.ofSeconds(30)).until(() -> importedUpdates(id) == 2);

        JsonNode closed = request(id);
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("status_notes").asText()).isEqualTo("Filled and compacted.");
        assertThat(db.sql("SELECT t.resolution FROM department_task t JOIN service_request r ON r.id = t.request_id "
                + "WHERE r.tracking_number = :id").param("id", id).query(String.class).single())
                .isEqualTo("Filled and compacted.");
        assertThat(messagesTo(RESIDENT)).filteredOn(m -> subject(m).contains(id) && subject(m).contains("closed"))
                .hasSize(1);
        // The signed reference answers for the department: no log line may carry it, not even the one about the
        // stranger's reply, whose subject quotes it.
        assertThat(log.getAll()).doesNotContain(reference).doesNotContain(reference.substring(reference.lastIndexOf('.')));
    }

    long importedUpdates(String trackingNumber) {
        return db.sql("SELECT COUNT(*) FROM work_update u JOIN department_task t ON t.id = u.task_id "
                + "JOIN service_request r ON r.id = t.request_id WHERE r.tracking_number = :id")
                .param("id", trackingNumber).query(Long.class).single();
    }

    @Test
    void publicAnswersNeverShowWhoReportedIt() throws Exception {
        String id = json.readTree(submit(pothole()).getBody()).get(0).get("service_request_id").asText();

        String answer = http.getForObject("/open311/v2/requests/{id}.json", String.class, id);

        assertThat(answer).doesNotContain(RESIDENT).doesNotContain("Jane").doesNotContain("Resident")
                .doesNotContain("312-555-0100").doesNotContain("email").doesNotContain("phone");
    }

    @Test
    void badReportsAreRefusedWithOpen311ErrorsAndLeaveNothingBehind() throws Exception {
        long before = storedRequests();

        MultiValueMap<String, String> noCode = pothole();
        noCode.remove("service_code");
        assertError(submit(noCode), HttpStatus.BAD_REQUEST, "service_code is required.");

        MultiValueMap<String, String> nowhere = pothole();
        nowhere.remove("lat");
        nowhere.remove("long");
        nowhere.remove("address_string");
        assertError(submit(nowhere), HttpStatus.BAD_REQUEST, "A location is required: lat and long, address_string, or address_id.");

        MultiValueMap<String, String> twoMistakes = pothole();
        twoMistakes.set("email", "jane at example dot org");
        twoMistakes.set("lat", "123.4");
        ResponseEntity<String> both = submit(twoMistakes);
        assertThat(both.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(both.getBody()).findValuesAsText("description")).containsExactlyInAnyOrder(
                "lat must be a number from -90 to 90.", "email is not a valid email address.");

        MultiValueMap<String, String> unknownType = pothole();
        unknownType.set("service_code", "dragon_sighting");
        assertError(submit(unknownType), HttpStatus.NOT_FOUND, "service_code 'dragon_sighting' is not offered.");

        MultiValueMap<String, String> noKey = pothole();
        noKey.remove("api_key");
        assertError(submit(noKey), HttpStatus.FORBIDDEN, "api_key is required.");

        MultiValueMap<String, String> wrongKey = pothole();
        wrongKey.set("api_key", "guessed");
        assertError(submit(wrongKey), HttpStatus.FORBIDDEN, "api_key is not valid.");

        assertThat(storedRequests()).isEqualTo(before);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnknownTrackingNumberIsAnOpen311NotFound() throws Exception {
        ResponseEntity<String> answer = http.getForEntity("/open311/v2/requests/{id}.json", String.class, "SR-1999-000001");

        assertError(answer, HttpStatus.NOT_FOUND, "No service request SR-1999-000001.");
    }

    // --- helpers --------------------------------------------------------------------------------------------

    static MultiValueMap<String, String> pothole() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", "test-web-key");
        form.add("service_code", "pothole");
        form.add("lat", "41.8837");
        form.add("long", "-87.6324");
        form.add("address_string", "121 N LaSalle St");
        form.add("description", "Deep pothole in the bike lane");
        form.add("attribute[hazard]", "no");
        form.add("email", RESIDENT);
        form.add("first_name", "Jane");
        form.add("last_name", "Resident");
        form.add("phone", "312-555-0100");
        return form;
    }

    ResponseEntity<String> submit(MultiValueMap<String, String> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return http.postForEntity("/open311/v2/requests.json", new HttpEntity<>(form, headers), String.class);
    }

    JsonNode request(String id) throws Exception {
        ResponseEntity<String> answer = http.getForEntity("/open311/v2/requests/{id}.json", String.class, id);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode list = json.readTree(answer.getBody());
        assertThat(list.size()).isEqualTo(1);
        return list.get(0);
    }

    void assertError(ResponseEntity<String> answer, HttpStatus status, String description) throws Exception {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        JsonNode errors = json.readTree(answer.getBody());
        assertThat(errors.isArray()).isTrue();
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(status.value());
        assertThat(errors.get(0).get("description").asText()).isEqualTo(description);
    }

    List<String> publicAnswersAbout(String id) {
        return PublicAnswers.about(http, id);
    }

    List<String> staffNotes(String id) {
        return PublicAnswers.staffNotes(requests, id);
    }

    /** A message as it arrives, byte for byte, without a mail client tidying it up. */
    static void deliverRaw(String raw) throws Exception {
        MimeMessage message = new MimeMessage(MAIL.getSmtp().createSession(),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
        MAIL.getManagers().getImapHostManager().getInbox(MAIL.getUserManager().getUserByEmail(REPLY_MAILBOX))
                .appendMessage(message, new Flags(), new Date());
    }

    long storedRequests() {
        return db.sql("SELECT COUNT(*) FROM service_request").query(Long.class).single();
    }

    static MimeMessage awaitMail(String mailbox) {
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(mailbox).size() == 1);
        return messagesTo(mailbox).get(0);
    }

    /**
     * The closure notice of this request (the resident has its receipt too, and notices of earlier tests' requests may
     * still be arriving).
     */
    static MimeMessage awaitNotice(String id) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(RESIDENT).stream()
                .filter(m -> subject(m).contains(id) && subject(m).contains("closed")).findFirst().orElse(null),
                m -> m != null);
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<MimeMessage> messagesTo(String mailbox) {
        return Inbox.of(MAIL, mailbox);
    }

    /** What a department clerk's mail client sends when they press Reply. */
    static void reply(MimeMessage original, String from, String text) throws Exception {
        reply(original, from, text, null);
    }

    static void reply(MimeMessage original, String from, String text, String messageId) throws Exception {
        MimeMessage reply = new MimeMessage(MAIL.getSmtp().createSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (messageId == null) {
                    super.updateMessageID();
                } else {
                    setHeader("Message-ID", messageId);
                }
            }
        };
        reply.setFrom(from);
        reply.setRecipients(Message.RecipientType.TO, REPLY_MAILBOX);
        reply.setSubject("Re: " + original.getSubject());
        reply.setHeader("In-Reply-To", original.getMessageID());
        reply.setHeader("References", original.getMessageID());
        reply.setText(text);
        Transport.send(reply);
    }
}
