package org.civic311.orchestrator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.civic311.orchestrator.Inbox;
import org.civic311.orchestrator.request.ServiceRequests;
import org.civic311.orchestrator.sms.InboundSms;
import org.civic311.orchestrator.sms.SmsDelivery;
import org.civic311.orchestrator.sms.SmsSegments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
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
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * What residents hear, end to end: Open311 intake with a language and a channel, the notices over real SMTP
 * (GreenMail) and through a recording SMS sender, the department closing the work by email, "was it fixed?" asked
 * at once (the delay is zero here) and answered on the page or by text, and a NO sending the work back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"civic311.notifications.follow-up-delay=PT0S",
                "civic311.open311.rate-limits.per-key.capacity=100000",
                "civic311.open311.rate-limits.per-address.capacity=100000"})
@ActiveProfiles("e2e")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@Import(ResidentNoticesTest.Texts.class)
class ResidentNoticesTest {

    static final String STREETS = "streets@test.civic311.local";
    static final String REPLY_MAILBOX = "civic311@test.civic311.local";

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

    @TestConfiguration
    static class Texts {
        @Bean
        RecordingSmsSender smsSender() {
            return new RecordingSmsSender();
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient db;
    @Autowired
    RecordingSmsSender sms;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ServiceRequests requests;
    @Autowired
    ResidentNotices residentNotices;
    @Autowired
    FollowUps followUps;
    @Autowired
    FollowUpQuestions followUpQuestions;

    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void patientOnABusyMachine() {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void defaultPatience() {
        Awaitility.reset();
    }

    @BeforeEach
    void clean() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
    }

    @Test
    void aSpanishSpeakersReceiptArrivesAsTextAndHtmlInSpanishWithTheExpectedDate() throws Exception {
        String resident = "ana@example.org";
        String id = submitted(submit(pothole("email", resident), "es-MX,es;q=0.9,en;q=0.5"));

        MimeMessage receipt = awaitMail(resident, id, "Hemos recibido");
        assertThat(receipt.getSubject()).isEqualTo("[" + id + "] Hemos recibido su reporte");
        assertThat(receipt.getFrom()[0].toString()).isEqualTo("311@test.civic311.local");
        Map<String, String> parts = parts(receipt);
        assertThat(parts).containsOnlyKeys("text/plain", "text/html");
        String due = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.forLanguageTag("es"))
                .format(OffsetDateTime.parse(request(id).get("expected_datetime").asText()).atZoneSameInstant(ZoneOffset.UTC));
        for (String part : parts.values()) {
            assertThat(part).contains(id, "Hola, Ana:", "Streets Department se encargará de él.",
                    "Esperamos que el trabajo esté hecho para el " + due);
        }
        assertThat(parts.get("text/html")).contains("<html lang=\"es\">");
        assertThat(language(id)).isEqualTo("es");
    }

    @Test
    void theLanguageFieldWinsOverTheHeaderAndATextOnlyResidentGetsAShortChineseText() throws Exception {
        String phone = "+13125550111";
        MultiValueMap<String, String> form = pothole("sms", null);
        form.add("phone", phone);
        form.add("language", "zh-Hans-CN");
        String id = submitted(submit(form, "es"));

        RecordingSmsSender.Text receipt = await().until(() -> sms.to(phone).stream().findFirst().orElse(null),
                t -> t != null);
        assertThat(receipt.text()).startsWith("已收到报告 " + id + "。Streets Department预计在");
        assertThat(SmsSegments.count(receipt.text())).isLessThanOrEqualTo(2);
        assertThat(language(id)).isEqualTo("zh");
        await().untilAsserted(() -> assertThat(notices(id)).extracting(n -> n.get("status").asText())
                .containsExactly("SENT"));
        assertThat(notices(id).get(0).get("providerId").asText()).isEqualTo(receipt.id());
    }

    @Test
    void bothChannelsAreUsedWhenAskedAndNoAddressOrNumberReachesTheLog(CapturedOutput log) throws Exception {
        String resident = "both.channels@example.org";
        String phone = "+13125550122";
        MultiValueMap<String, String> form = pothole("both", resident);
        form.add("phone", phone);
        String id = submitted(submit(form, null));

        awaitMail(resident, id, "We received your report");
        await().until(() -> sms.to(phone).size() == 1);
        assertThat(sms.to(phone).get(0).text()).startsWith("Report " + id + " received.");
        // Only the test's own mail server, which makes a mailbox per address, may name them.
        assertThat(log.getAll().lines().filter(line -> !line.contains("c.icegreen.greenmail")))
                .noneMatch(line -> line.contains(resident) || line.contains("3125550122"));
    }

    @Test
    void theDefaultIsEmailWhenGivenElseTextAndAnonymousOrSilentRequestsNotifyNoOne() throws Exception {
        MultiValueMap<String, String> emailAndPhone = pothole(null, "default@example.org");
        emailAndPhone.add("phone", "+13125550133");
        String byEmail = submitted(submit(emailAndPhone, null));
        MultiValueMap<String, String> phoneOnly = pothole(null, null);
        phoneOnly.add("phone", "+13125550134");
        String byText = submitted(submit(phoneOnly, null));
        String anonymous = submitted(submit(pothole(null, null), null));
        String silent = submitted(submit(pothole("none", "quiet@example.org"), null));

        await().until(() -> sms.to("+13125550134").size() == 1);
        awaitMail("default@example.org", byEmail, "We received");
        assertThat(sms.to("+13125550133")).isEmpty();
        assertThat(channels(byEmail)).containsExactly("EMAIL");
        assertThat(channels(byText)).containsExactly("SMS");
        assertThat(channels(anonymous)).isEmpty();
        assertThat(channels(silent)).isEmpty();
        assertThat(language(anonymous)).isEqualTo("en");
    }

    @Test
    void anUnknownLanguageOrChannelOrAChannelWithoutItsAddressIsRefusedAndNothingIsStored() throws Exception {
        long before = db.sql("SELECT COUNT(*) FROM service_request").query(Long.class).single();

        MultiValueMap<String, String> klingon = pothole(null, "k@example.org");
        klingon.add("language", "tlh");
        assertError(submit(klingon, null), "language 'tlh' is not offered; notices are written in en, es, zh.");
        MultiValueMap<String, String> garbled = pothole(null, "k@example.org");
        garbled.add("language", "not a language");
        assertError(submit(garbled, null), "language 'not a language' is not offered; notices are written in en, es, zh.");
        assertError(submit(pothole("pigeon", "k@example.org"), null), "notify must be one of email, sms, both or none.");
        assertError(submit(pothole("sms", "k@example.org"), null), "notify=sms needs a phone number (phone).");
        assertError(submit(pothole("email", null), null), "notify=email needs an email address (email).");

        assertThat(db.sql("SELECT COUNT(*) FROM service_request").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aMovedDueDateAndAReroutingAreToldOnceEachInTheResidentsLanguage() throws Exception {
        String resident = "moved@example.org";
        MultiValueMap<String, String> form = pothole(null, resident);
        form.add("language", "es");
        String id = submitted(submit(form, null));
        long requestId = requests.find(id).orElseThrow().id();
        Instant newDue = Instant.parse("2027-03-05T17:00:00Z");

        for (int i = 0; i < 2; i++) {
            transaction.executeWithoutResult(s -> events.publishEvent(new DueDateMoved(requestId, newDue)));
            transaction.executeWithoutResult(s -> events.publishEvent(new RequestRerouted(requestId)));
        }

        MimeMessage moved = awaitMail(resident, id, "Nueva fecha");
        assertThat(GreenMailUtil.getBody(moved)).contains("viernes, 5 de marzo de 2027");
        awaitMail(resident, id, "Otro departamento");
        await().untilAsserted(() -> assertThat(notices(id))
                .extracting(n -> n.get("event").asText() + " " + n.get("status").asText())
                .containsExactly("received SENT", "due-date-moved SENT", "rerouted SENT"));
        assertThat(Inbox.of(MAIL, resident)).hasSize(3);

        // Moved on, then back to the earlier date: two changes, each told.
        transaction.executeWithoutResult(s -> events.publishEvent(new DueDateMoved(requestId, newDue.plusSeconds(86400))));
        transaction.executeWithoutResult(s -> events.publishEvent(new DueDateMoved(requestId, newDue)));
        await().untilAsserted(() -> assertThat(notices(id))
                .extracting(n -> n.get("event").asText() + " " + n.get("status").asText())
                .containsExactly("received SENT", "due-date-moved SENT", "rerouted SENT", "due-date-moved SENT",
                        "due-date-moved SENT"));
    }

    @Test
    void aTextTheProviderRefusesOrCannotDeliverIsAFailureStaffSee() throws Exception {
        String optedOut = "+13125550144";
        sms.optedOut.add(optedOut);
        MultiValueMap<String, String> refused = pothole("sms", null);
        refused.add("phone", optedOut);
        String id = submitted(submit(refused, null));
        MultiValueMap<String, String> lost = pothole("sms", null);
        lost.add("phone", "+13125550145");
        String other = submitted(submit(lost, null));

        await().untilAsserted(() -> {
            JsonNode notice = notices(id).get(0);
            assertThat(notice.get("status").asText()).isEqualTo("FAILED");
            assertThat(notice.get("attempts").asInt()).isEqualTo(1);
            assertThat(notice.get("lastError").asText()).contains("21610");
        });
        RecordingSmsSender.Text sent = await().until(() -> sms.to("+13125550145").stream().findFirst().orElse(null),
                t -> t != null);
        events.publishEvent(new SmsDelivery(sent.id(), "undelivered", "30003"));
        JsonNode undelivered = notices(other).get(0);
        assertThat(undelivered.get("status").asText()).isEqualTo("FAILED");
        assertThat(undelivered.get("deliveryStatus").asText()).isEqualTo("undelivered");
        assertThat(undelivered.get("lastError").asText()).contains("30003");
        // Staff read them with their engine login; nobody else, and nobody sees where a notice went.
        String path = "/staff/api/requests/{id}/notifications";
        assertThat(http.getForEntity(path, String.class, id).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("e2eadmin", "e2e-admin-password").getForObject(path, String.class, id))
                .doesNotContain(optedOut).doesNotContain("3125550144");
    }

    @Test
    void aCompletionReportedTwiceClosesAndNotifiesOnce() throws Exception {
        String resident = "twice@example.org";
        String id = submitted(submit(pothole(null, resident), null));
        MimeMessage work = awaitMail(STREETS, id, "");

        reply(work, "DONE Filled and compacted.");
        reply(work, "DONE Filled and compacted.");
        awaitMail(resident, id, "is closed");
        long requestId = requests.find(id).orElseThrow().id();
        transaction.executeWithoutResult(s -> residentNotices.closed(requestId, 1));

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Inbox.of(MAIL, resident)).filteredOn(m -> subject(m).contains("closed"))
                        .hasSize(1));
        assertThat(notices(id)).extracting(n -> n.get("event").asText()).containsOnlyOnce("closed");
    }

    @Test
    void noOnTheFollowUpPageReopensTheRequestAndTheDepartmentGetsTheWorkAgain() throws Exception {
        String resident = "not.fixed@example.org";
        MultiValueMap<String, String> form = pothole(null, resident);
        form.add("language", "es");
        String id = submitted(submit(form, null));
        MimeMessage work = awaitMail(STREETS, id, "");
        String earlierTask = taskKeys(id).get(0);
        reply(work, "DONE Bache rellenado.");

        MimeMessage question = awaitMail(resident, id, "¿Se resolvió el problema?");
        String link = link(GreenMailUtil.getBody(question));
        String token = link.substring(link.lastIndexOf('/') + 1);
        // The question waits for its answer in Civic311's own table, with what a NO needs; the engine holds nothing.
        long requestId = requests.find(id).orElseThrow().id();
        assertThat(db.sql("""
                        SELECT f.department_task_id FROM follow_up f JOIN department_task t ON t.id = f.department_task_id
                        WHERE f.request_id = :id AND t.task_key = :task AND f.asked_at IS NOT NULL""")
                .param("id", requestId).param("task", earlierTask).query(Long.class).optional()).isPresent();
        assertThat(db.sql("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ = :id").param("id", id)
                .query(Integer.class).single()).isZero();

        // A mail scanner follows the link: the page asks, and nothing is recorded.
        ResponseEntity<String> page = http.getForEntity(link, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Sí, está resuelto", "No, no está resuelto", id);
        http.getForEntity(link, String.class);
        assertThat(answer(token)).containsEntry("ANSWER", null);
        assertThat(request(id).get("status").asText()).isEqualTo("closed");

        ResponseEntity<String> wrong = answerOnPage(link, "maybe", null);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrong.getBody()).contains("Elija uno de los dos botones");
        assertThat(answerOnPage(link, "no", "7").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer(token)).containsEntry("ANSWER", null);

        ResponseEntity<String> no = answerOnPage(link, "no", "2");
        assertThat(no.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(no.getBody()).contains("abierto de nuevo");
        assertThat(answer(token)).containsEntry("ANSWER", "NO").containsEntry("RATING", 2)
                .containsEntry("ANSWERED_BY", "EMAIL");

        await().untilAsserted(() -> assertThat(request(id).get("status").asText()).isEqualTo("open"));
        assertThat(request(id).get("status_notes").asText()).startsWith("Reopened: the resident reported");
        MimeMessage again = await().until(() -> workFor(id).size() == 2 ? workFor(id).get(1) : null, m -> m != null);
        assertThat(GreenMailUtil.getBody(again)).contains("Reopened: the resident says the work of task " + earlierTask);
        assertThat(taskKeys(id)).hasSize(2).doesNotHaveDuplicates();
        awaitMail(resident, id, "abierto de nuevo");
        // The first answer stands.
        assertThat(answerOnPage(link, "yes", null).getBody()).contains("ya tenemos su respuesta");

        reply(again, "DONE Rellenado otra vez, con asfalto en caliente.");
        await().untilAsserted(() -> assertThat(request(id).get("status").asText()).isEqualTo("closed"));
        await().until(() -> Inbox.of(MAIL, resident).stream()
                .filter(m -> subject(m).contains("cerrado")).count() == 2);
    }

    @Test
    void yesByTextIsStoredAndAnUnknownWordGetsHelpAndChangesNothing() throws Exception {
        String phone = "+13125550155";
        MultiValueMap<String, String> form = pothole("sms", null);
        form.add("phone", phone);
        String id = submitted(submit(form, null));
        reply(awaitMail(STREETS, id, ""), "DONE Filled.");
        await().until(() -> sms.to(phone).stream().anyMatch(t -> t.text().contains("Reply YES or NO")));

        events.publishEvent(new InboundSms(phone, "maybe?"));
        assertThat(sms.to(phone).get(sms.to(phone).size() - 1).text()).contains("reply YES or NO");
        events.publishEvent(new InboundSms("+13125550999", "NO"));
        assertThat(sms.to("+13125550999")).hasSize(1);
        long requestId = requests.find(id).orElseThrow().id();
        assertThat(db.sql("SELECT answer FROM follow_up WHERE request_id = :id").param("id", requestId)
                .query(String.class).optional()).isEmpty();

        transaction.executeWithoutResult(s -> events.publishEvent(new InboundSms(phone, " “Yes”. ")));

        assertThat(db.sql("SELECT answer, answered_by FROM follow_up WHERE request_id = :id").param("id", requestId)
                .query().singleRow()).containsEntry("ANSWER", "YES").containsEntry("ANSWERED_BY", "SMS");
        assertThat(request(id).get("status").asText()).isEqualTo("closed");
    }

    @Test
    void aQuestionWaitsForItsTimeAndIsAskedOnceHoweverManyNodesLookForIt() throws Exception {
        String resident = "asked.once@example.org";
        String id = submitted(submit(pothole(null, resident), null));
        reply(awaitMail(STREETS, id, ""), "DONE Filled.");
        awaitMail(resident, id, "Was it fixed?");
        long requestId = requests.find(id).orElseThrow().id();
        long task = db.sql("SELECT MAX(id) FROM department_task WHERE request_id = :id").param("id", requestId)
                .query(Long.class).single();

        // A later closure's question, planned for tomorrow: not asked today, however often nodes look.
        transaction.executeWithoutResult(s -> followUps.plan(requestId, 7, task, Instant.now().plus(Duration.ofDays(1))));
        followUpQuestions.askDue();
        assertThat(followUps.find(requestId, 7).orElseThrow().askedAt()).isNull();
        assertThat(followUpNotices(requestId, 7)).isZero();

        // Its time comes: two nodes (and this one's own schedule) look for it at once; it is asked once.
        db.sql("UPDATE follow_up SET ask_at = :past WHERE request_id = :id AND round_no = 7")
                .param("past", LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1)).param("id", requestId).update();
        CompletableFuture<Void> other = CompletableFuture.runAsync(followUpQuestions::askDue);
        followUpQuestions.askDue();
        other.get(30, TimeUnit.SECONDS);
        await().untilAsserted(() -> assertThat(followUps.find(requestId, 7).orElseThrow().askedAt()).isNotNull());
        assertThat(followUpNotices(requestId, 7)).isEqualTo(1);
        assertThat(followUps.asked(followUps.find(requestId, 7).orElseThrow().id(), Instant.now()))
                .as("a node that comes later finds it asked").isFalse();
    }

    @Test
    void aNoAfterTheAnswerWindowIsKeptAndSendsNothingBack() throws Exception {
        String resident = "too.late@example.org";
        String id = submitted(submit(pothole(null, resident), null));
        reply(awaitMail(STREETS, id, ""), "DONE Filled.");
        String link = link(GreenMailUtil.getBody(awaitMail(resident, id, "Was it fixed?")));
        String token = link.substring(link.lastIndexOf('/') + 1);
        // Asked 31 days ago: the window (30 days) has closed.
        db.sql("UPDATE follow_up SET asked_at = :then WHERE token = :token")
                .param("then", LocalDateTime.now(ZoneOffset.UTC).minusDays(31)).param("token", token).update();

        ResponseEntity<String> late = answerOnPage(link, "no", null);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(late.getBody()).contains("Thank you for your answer.").doesNotContain("open again");

        assertThat(answer(token)).containsEntry("ANSWER", "NO");
        assertThat(db.sql("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ = :id").param("id", id)
                .query(Integer.class).single()).isZero();
        assertThat(request(id).get("status").asText()).isEqualTo("closed");
        assertThat(taskKeys(id)).hasSize(1);
    }

    private int followUpNotices(long requestId, int round) {
        return db.sql("SELECT COUNT(*) FROM notification WHERE request_id = :id AND event_key = :key")
                .param("id", requestId).param("key", "follow-up#" + round).query(Integer.class).single();
    }

    @Test
    void anUnknownFollowUpLinkIsNotFound() {
        ResponseEntity<String> page = http.getForEntity("/follow-up/guessed-token", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getBody()).contains("This link is not valid.");
        assertThat(answerOnPage("/follow-up/guessed-token", "no", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    static MultiValueMap<String, String> pothole(String notify, String email) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", "test-web-key");
        form.add("service_code", "pothole");
        form.add("address_string", "121 N LaSalle St");
        form.add("description", "Deep pothole");
        form.add("attribute[hazard]", "no");
        form.add("first_name", "Ana");
        if (email != null) {
            form.add("email", email);
        }
        if (notify != null) {
            form.add("notify", notify);
        }
        return form;
    }

    ResponseEntity<String> submit(MultiValueMap<String, String> form, String acceptLanguage) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (acceptLanguage != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        return http.postForEntity("/open311/v2/requests.json", new HttpEntity<>(form, headers), String.class);
    }

    String submitted(ResponseEntity<String> answer) throws Exception {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody()).get(0).get("service_request_id").asText();
    }

    void assertError(ResponseEntity<String> answer, String description) throws Exception {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(answer.getBody()).findValuesAsText("description")).containsExactly(description);
    }

    JsonNode request(String id) throws Exception {
        return json.readTree(http.getForObject("/open311/v2/requests/{id}.json", String.class, id)).get(0);
    }

    ResponseEntity<String> answerOnPage(String link, String answer, String rating) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (answer != null) {
            form.add("answer", answer);
        }
        if (rating != null) {
            form.add("rating", rating);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return http.postForEntity(link, new HttpEntity<>(form, headers), String.class);
    }

    Map<String, Object> answer(String token) {
        return new LinkedHashMap<>(db.sql("SELECT answer, rating, answered_by FROM follow_up WHERE token = :t")
                .param("t", token).query().singleRow());
    }

    String language(String id) {
        return db.sql("SELECT language FROM service_request WHERE tracking_number = :id").param("id", id)
                .query(String.class).single();
    }

    List<String> channels(String id) {
        return db.sql("""
                        SELECT n.channel FROM notification n JOIN service_request r ON r.id = n.request_id
                        WHERE r.tracking_number = :id ORDER BY n.id""")
                .param("id", id).query(String.class).list();
    }

    List<JsonNode> notices(String id) throws Exception {
        String answer = http.withBasicAuth("e2eadmin", "e2e-admin-password")
                .getForObject("/staff/api/requests/{id}/notifications", String.class, id);
        List<JsonNode> list = new ArrayList<>();
        json.readTree(answer).forEach(list::add);
        return list;
    }

    static String link(String body) {
        Matcher m = Pattern.compile("https?://[^\\s\"<]+/follow-up/[A-Za-z0-9_-]+").matcher(body.replace("=\r\n", ""));
        assertThat(m.find()).as(body).isTrue();
        return m.group().replaceFirst("^https?://[^/]+", "");
    }

    List<String> taskKeys(String id) {
        return db.sql("""
                        SELECT t.task_key FROM department_task t JOIN service_request r ON r.id = t.request_id
                        WHERE r.tracking_number = :id ORDER BY t.id""")
                .param("id", id).query(String.class).list();
    }

    static List<MimeMessage> workFor(String id) {
        return Inbox.of(MAIL, STREETS).stream().filter(m -> subject(m).contains("[" + id + "]"))
                .toList();
    }

    static MimeMessage awaitMail(String mailbox, String id, String subjectPart) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Inbox.of(MAIL, mailbox)
                .stream().filter(m -> subject(m).contains(id) && subject(m).contains(subjectPart)).findFirst()
                .orElse(null), m -> m != null);
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text parts of a message by content type. */
    static Map<String, String> parts(Part part) throws Exception {
        Map<String, String> found = new LinkedHashMap<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                found.putAll(parts(child));
            }
        } else {
            found.put(part.getContentType().replaceAll(";.*", "").strip().toLowerCase(Locale.ROOT),
                    (String) part.getContent());
        }
        return found;
    }

    /** What a department clerk's mail client sends when they press Reply. */
    static void reply(MimeMessage original, String text) throws Exception {
        MimeMessage reply = new MimeMessage(MAIL.getSmtp().createSession());
        reply.setFrom(STREETS);
        reply.setRecipients(Message.RecipientType.TO, REPLY_MAILBOX);
        reply.setSubject("Re: " + original.getSubject());
        reply.setHeader("In-Reply-To", original.getMessageID());
        reply.setHeader("References", original.getMessageID());
        reply.setText(text, "UTF-8");
        Transport.send(reply);
    }
}
