package org.civic311.simulators.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The simulated Messages API over real HTTP, as a Twilio client sees it. */
@SpringBootTest(classes = TwilioSimulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"civic311.simulators.twilio.enabled=true", "civic311.simulators.twilio.delivery-delay=50ms",
                "civic311.simulators.twilio.landlines=+13125550199",
                "civic311.simulators.twilio.unreachable=+13125550188"})
class MessagesApiTest {

    static final String SID = TwilioSimulatorProperties.DEMO_ACCOUNT_SID;
    static final String FROM = "+12025550100";
    static final String RESIDENT = "+13125550123";
    static final WebhookReceiver RECEIVER = receiver();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    TwilioSimulator simulator;

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("civic311.simulators.twilio.sms-url", () -> RECEIVER.url("/sms"));
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
        RECEIVER.clear();
    }

    @Test
    void aMessageIsQueuedThenSentThenDeliveredWithEachStepReportedSigned() throws Exception {
        String callback = RECEIVER.url("/status");
        HttpResponse<String> created = send(SID, "demo", Map.of("To", RESIDENT, "From", FROM,
                "Body", "Your report 1042 was received.", "StatusCallback", callback));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode message = json.readTree(created.body());
        String sid = message.path("sid").asText();
        assertThat(sid).matches("SM[0-9a-f]{32}");
        assertThat(message.path("status").asText()).isEqualTo("queued");
        assertThat(message.path("num_segments").asText()).isEqualTo("1");
        assertThat(message.path("direction").asText()).isEqualTo("outbound-api");
        assertThat(message.path("account_sid").asText()).isEqualTo(SID);
        assertThat(message.path("uri").asText()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages/" + sid + ".json");
        assertThat(message.has("error_code")).isTrue();
        assertThat(message.path("error_code").isNull()).isTrue();
        assertThat(ZonedDateTime.parse(message.path("date_created").asText(), DateTimeFormatter.RFC_1123_DATE_TIME))
                .isNotNull();

        await().atMost(Duration.ofSeconds(5)).until(() -> RECEIVER.calls("/status").size() == 3);
        assertThat(RECEIVER.calls("/status")).extracting(c -> c.params().get("MessageStatus"))
                .containsExactly("queued", "sent", "delivered");
        for (WebhookReceiver.Call call : RECEIVER.calls("/status")) {
            assertThat(call.params()).containsEntry("MessageSid", sid).containsEntry("AccountSid", SID)
                    .containsEntry("To", RESIDENT);
            assertThat(call.signature()).isEqualTo(TwilioSignature.sign("demo", callback, call.params()));
        }
        assertThat(RECEIVER.calls("/status").get(2).params().get("RawDlrDoneDate")).matches("\\d{10}");
        JsonNode fetched = json.readTree(get(SID, "demo", "/Messages/" + sid + ".json").body());
        assertThat(fetched.path("status").asText()).isEqualTo("delivered");
        assertThat(fetched.path("date_sent").isNull()).isFalse();
    }

    @Test
    void anUnreachableHandsetEndsUndeliveredWith30003() throws Exception {
        String callback = RECEIVER.url("/status");
        send(SID, "demo", Map.of("To", "+13125550188", "From", FROM, "Body", "Hello", "StatusCallback", callback));

        await().atMost(Duration.ofSeconds(5)).until(() -> RECEIVER.calls("/status").size() == 3);
        assertThat(RECEIVER.calls("/status").get(2).params()).containsEntry("MessageStatus", "undelivered")
                .containsEntry("ErrorCode", "30003");
    }

    @Test
    void wrongCredentialsAre20003() throws Exception {
        HttpResponse<String> refused = send(SID, "wrong", Map.of("To", RESIDENT, "From", FROM, "Body", "Hi"));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
        assertError(refused, 20003);
        assertThat(simulator.messages()).isEmpty();
    }

    @Test
    void badInputIsRefusedWithTwiliosCodes() throws Exception {
        assertError(send(SID, "demo", Map.of("To", RESIDENT, "From", FROM)), 21602);
        assertError(send(SID, "demo", Map.of("To", RESIDENT, "From", FROM, "Body", "x".repeat(1601))), 21617);
        assertError(send(SID, "demo", Map.of("To", "+1555", "From", FROM, "Body", "Hi")), 21211);
        assertError(send(SID, "demo", Map.of("To", "+13125550199", "From", FROM, "Body", "Hi")), 21614);
        assertError(send(SID, "demo", Map.of("To", RESIDENT, "From", "+13125550000", "Body", "Hi")), 21606);
        assertError(send(SID, "demo", Map.of("From", FROM, "Body", "Hi")), 21604);
        HttpResponse<String> invalid = send(SID, "demo", Map.of("To", "+1555", "From", FROM, "Body", "Hi"));
        JsonNode error = json.readTree(invalid.body());
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(error.path("status").asInt()).isEqualTo(400);
        assertThat(error.path("more_info").asText()).isEqualTo("https://www.twilio.com/docs/errors/21211");
        assertThat(simulator.messages()).isEmpty();
    }

    @Test
    void aMessagingServiceSendsFromTheAccountsNumber() throws Exception {
        JsonNode sent = json.readTree(send(SID, "demo", Map.of("To", RESIDENT,
                "MessagingServiceSid", "MG00000000000000000000000000000000", "Body", "Hi")).body());

        assertThat(sent.path("from").asText()).isEqualTo(FROM);
        assertThat(sent.path("messaging_service_sid").asText()).isEqualTo("MG00000000000000000000000000000000");
    }

    @Test
    void afterStopTheNumberIsRefused21610UntilStart() throws Exception {
        HttpResponse<String> stop = inbound(RESIDENT, "stop ");

        assertThat(stop.statusCode()).isEqualTo(201);
        assertThat(json.readTree(stop.body()).path("webhook_status").asInt()).isEqualTo(200);
        WebhookReceiver.Call forwarded = RECEIVER.calls("/sms").get(0);
        assertThat(forwarded.params()).containsEntry("Body", "stop ").containsEntry("From", RESIDENT)
                .containsEntry("To", FROM);
        assertThat(forwarded.params().get("MessageSid")).startsWith("SM");
        assertThat(forwarded.signature()).isEqualTo(TwilioSignature.sign("demo", RECEIVER.url("/sms"), forwarded.params()));
        assertThat(simulator.messagesTo(RESIDENT)).extracting(SimulatedMessage::direction).containsExactly("outbound-reply");

        assertError(send(SID, "demo", Map.of("To", RESIDENT, "From", FROM, "Body", "Hi")), 21610);

        inbound(RESIDENT, "START");
        assertThat(send(SID, "demo", Map.of("To", RESIDENT, "From", FROM, "Body", "Hi")).statusCode()).isEqualTo(201);
    }

    @Test
    void anOrdinaryTextIsForwardedWithoutAnAutomaticReply() throws Exception {
        inbound(RESIDENT, "NO, the pothole is still there");

        assertThat(RECEIVER.calls("/sms")).hasSize(1);
        assertThat(simulator.messagesTo(RESIDENT)).isEmpty();
        assertThat(simulator.isOptedOut(RESIDENT)).isFalse();
    }

    @Test
    void aTextFromANumberNotInE164IsRefusedSayingHowToSendThePlusAndNothingIsForwarded() throws Exception {
        // What "curl -d From=+13125550123" sends: the form decodes its bare + as a space.
        HttpResponse<String> refused = inbound(" 13125550123", "NO");

        assertError(refused, 21212);
        assertThat(json.readTree(refused.body()).path("message").asText()).contains("E.164").contains("%2B");
        assertThat(RECEIVER.calls("/sms")).isEmpty();
        assertThat(simulator.messages()).isEmpty();
    }

    @Test
    void testCredentialsAnswerTheDocumentedMagicNumbersAndStoreNothing() throws Exception {
        String test = "AC11111111111111111111111111111111";
        String valid = MagicNumbers.VALID_FROM;
        assertError(send(test, "demo-test", Map.of("To", "+15005550001", "From", valid, "Body", "Hi")), 21211);
        assertError(send(test, "demo-test", Map.of("To", "+15005550002", "From", valid, "Body", "Hi")), 21612);
        assertError(send(test, "demo-test", Map.of("To", "+15005550003", "From", valid, "Body", "Hi")), 21408);
        assertError(send(test, "demo-test", Map.of("To", "+15005550004", "From", valid, "Body", "Hi")), 21610);
        assertError(send(test, "demo-test", Map.of("To", "+15005550009", "From", valid, "Body", "Hi")), 21614);
        assertError(send(test, "demo-test", Map.of("To", RESIDENT, "From", "+15005550001", "Body", "Hi")), 21212);
        assertError(send(test, "demo-test", Map.of("To", RESIDENT, "From", "+15005550007", "Body", "Hi")), 21606);
        assertError(send(test, "demo-test", Map.of("To", RESIDENT, "From", "+15005550008", "Body", "Hi")), 21611);
        assertError(send(test, "demo-test", Map.of("To", RESIDENT, "From", FROM, "Body", "Hi")), 21606);

        HttpResponse<String> ok = send(test, "demo-test", Map.of("To", RESIDENT, "From", valid, "Body", "Hi"));
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(json.readTree(ok.body()).path("status").asText()).isEqualTo("queued");
        assertThat(simulator.messages()).isEmpty();
        assertThat(get(test, "demo-test", "/Messages.json").statusCode()).isEqualTo(403);
    }

    @Test
    void theListIsNewestFirstPagedAndFilteredByNumber() throws Exception {
        send(SID, "demo", Map.of("To", RESIDENT, "From", FROM, "Body", "first"));
        send(SID, "demo", Map.of("To", RESIDENT, "From", FROM, "Body", "second"));
        send(SID, "demo", Map.of("To", "+13125550124", "From", FROM, "Body", "other"));

        JsonNode page = json.readTree(get(SID, "demo", "/Messages.json?To=%2B13125550123&PageSize=1").body());
        assertThat(page.path("messages")).hasSize(1);
        assertThat(page.path("page_size").asInt()).isEqualTo(1);
        assertThat(page.path("next_page_uri").asText()).contains("Page=1");
        JsonNode all = json.readTree(get(SID, "demo", "/Messages.json?To=%2B13125550123").body());
        assertThat(all.path("messages").findValuesAsText("to")).containsOnly(RESIDENT);
        assertThat(all.path("messages")).hasSize(2);
        assertThat(all.path("next_page_uri").isNull()).isTrue();
    }

    @Test
    void segmentsAreCountedForGsmAndUcs2Text() throws Exception {
        JsonNode gsm = json.readTree(send(SID, "demo", Map.of("To", RESIDENT, "From", FROM,
                "Body", "a".repeat(161))).body());
        JsonNode chinese = json.readTree(send(SID, "demo", Map.of("To", RESIDENT, "From", FROM,
                "Body", "您的报告已收到".repeat(11))).body());

        assertThat(gsm.path("num_segments").asText()).isEqualTo("2");
        assertThat(chinese.path("num_segments").asText()).isEqualTo("2");
    }

    @Test
    void anOutageAnswers503AndAnUnknownMessage20404() throws Exception {
        assertError(get(SID, "demo", "/Messages/SM00000000000000000000000000000000.json"), 20404);
        simulator.goDown();
        HttpResponse<String> down = send(SID, "demo", Map.of("To", RESIDENT, "From", FROM, "Body", "Hi"));
        simulator.comeBack();

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(simulator.refusedCalls()).isEqualTo(1);
        assertThat(simulator.messages()).isEmpty();
    }

    @Test
    void aLostAnswerStillSendsTheMessage() throws Exception {
        simulator.loseNextResponses(1);

        HttpResponse<String> lost = send(SID, "demo", Map.of("To", RESIDENT, "From", FROM, "Body", "Hi"));

        assertThat(lost.statusCode()).isEqualTo(502);
        assertThat(simulator.messagesTo(RESIDENT)).hasSize(1);
        assertThat(simulator.lostResponses()).isEqualTo(1);
        assertThat(send(SID, "demo", Map.of("To", RESIDENT, "From", FROM, "Body", "Hi")).statusCode()).isEqualTo(201);
    }

    private void assertError(HttpResponse<String> response, int code) throws IOException {
        assertThat(json.readTree(response.body()).path("code").asInt()).as(response.body()).isEqualTo(code);
    }

    private HttpResponse<String> send(String account, String token, Map<String, String> form)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(api(account, "/Messages.json"))
                .header("Authorization", basic(account, token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String account, String token, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(api(account, path)).header("Authorization", basic(account, token))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> inbound(String from, String body) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("From", from);
        form.put("To", FROM);
        form.put("Body", body);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sim/twilio/inbound"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI api(String account, String path) {
        return URI.create("http://localhost:" + port + "/sim/twilio/2010-04-01/Accounts/" + account + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static WebhookReceiver receiver() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
