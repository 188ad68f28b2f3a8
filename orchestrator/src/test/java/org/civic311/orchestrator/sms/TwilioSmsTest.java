package org.civic311.orchestrator.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.civic311.simulators.twilio.SimulatedMessage;
import org.civic311.simulators.twilio.TwilioSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Texting residents through the Twilio simulator over real HTTP: what is sent, what Twilio refuses, and what its
 * signed webhooks (delivery reports, a resident's texts, STOP and START) change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("sms")
class TwilioSmsTest {

    static final int PORT = freePort();
    static final String RESIDENT = "+13125550123";
    static final String CITY = "+12025550100";

    @Autowired
    SmsSender sms;
    @Autowired
    TwilioSimulator twilio;
    @Autowired
    OptOuts optOuts;
    @Autowired
    Heard heard;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @BeforeEach
    void reset() {
        twilio.reset();
        twilio.receive(RESIDENT, CITY, "START");
        heard.events.clear();
    }

    @Test
    void aTextIsSentAndItsSignedDeliveryReportsArePublished() {
        String sid = sms.send(RESIDENT, "Su reporte SR-2026-000042 fue recibido.");

        SimulatedMessage sent = twilio.message(sid).orElseThrow();
        assertThat(sent.to()).isEqualTo(RESIDENT);
        assertThat(sent.from()).isEqualTo(CITY);
        assertThat(sent.body()).isEqualTo("Su reporte SR-2026-000042 fue recibido.");
        await().atMost(Duration.ofSeconds(5)).until(() -> heard.deliveries().size() == 3);
        assertThat(heard.deliveries()).containsExactly(new SmsDelivery(sid, "queued", null),
                new SmsDelivery(sid, "sent", null), new SmsDelivery(sid, "delivered", null));
    }

    @Test
    void numbersTwilioCannotTextArePermanentRefusals() {
        assertThatThrownBy(() -> sms.send("+1555123", "Hello")).isInstanceOf(SmsRefused.class)
                .hasMessageNotContaining("1555123").extracting(e -> ((SmsRefused) e).code()).isEqualTo("21211");
        assertThatThrownBy(() -> sms.send("+13125550199", "Hello")).isInstanceOf(SmsRefused.class)
                .extracting(e -> ((SmsRefused) e).code()).isEqualTo("21614");
    }

    @Test
    void afterStopNothingIsSentUntilStart() {
        TwilioSimulator.Received stop = twilio.receive(RESIDENT, CITY, "Stop");

        assertThat(stop.webhookStatus()).isEqualTo(200);
        assertThat(optOuts.isOptedOut(RESIDENT)).isTrue();
        int before = twilio.messages().size();
        assertThatThrownBy(() -> sms.send(RESIDENT, "Your pothole was fixed.")).isInstanceOf(SmsRefused.class)
                .extracting(e -> ((SmsRefused) e).code()).isEqualTo("21610");
        assertThat(twilio.messages()).as("refused before Twilio is called").hasSize(before);
        assertThat(heard.inbound()).as("a keyword is no answer to anything").isEmpty();

        twilio.receive(RESIDENT, CITY, "START");
        assertThat(optOuts.isOptedOut(RESIDENT)).isFalse();
        assertThat(twilio.message(sms.send(RESIDENT, "Your pothole was fixed."))).isPresent();
    }

    @Test
    void yesIsAnAnswerNotARestart() {
        twilio.receive(RESIDENT, CITY, "STOP");
        twilio.receive(RESIDENT, CITY, "yes");

        assertThat(optOuts.isOptedOut(RESIDENT)).isTrue();
        assertThat(heard.inbound()).containsExactly(new InboundSms(RESIDENT, "yes"));
    }

    @Test
    void advancedOptOutKeywordsOfTheCityCountButYesStaysAnAnswer() throws Exception {
        Map<String, String> alto = inboundForm("SM66666666666666666666666666666666", "ALTO");
        alto.put("OptOutType", "STOP");
        post("/webhooks/twilio/sms", alto, sign("/webhooks/twilio/sms", alto));
        assertThat(optOuts.isOptedOut(RESIDENT)).isTrue();

        Map<String, String> yes = inboundForm("SM77777777777777777777777777777777", "Yes");
        yes.put("OptOutType", "START");
        post("/webhooks/twilio/sms", yes, sign("/webhooks/twilio/sms", yes));

        assertThat(optOuts.isOptedOut(RESIDENT)).isTrue();
        assertThat(heard.inbound()).containsExactly(new InboundSms(RESIDENT, "Yes"));
    }

    @Test
    void aResidentsTextIsPublishedOnceHoweverOftenItIsDelivered() throws Exception {
        Map<String, String> form = inboundForm("SM11111111111111111111111111111111", "NO, still there");
        String signature = sign("/webhooks/twilio/sms", form);

        assertThat(post("/webhooks/twilio/sms", form, signature).statusCode()).isEqualTo(200);
        assertThat(post("/webhooks/twilio/sms", form, signature).statusCode()).isEqualTo(200);

        assertThat(heard.inbound()).containsExactly(new InboundSms(RESIDENT, "NO, still there"));
    }

    @Test
    void aReplayedStopAfterStartChangesNothing() throws Exception {
        Map<String, String> stop = inboundForm("SM22222222222222222222222222222222", "STOP");
        String signature = sign("/webhooks/twilio/sms", stop);
        post("/webhooks/twilio/sms", stop, signature);
        twilio.receive(RESIDENT, CITY, "START");

        assertThat(post("/webhooks/twilio/sms", stop, signature).statusCode()).isEqualTo(200);

        assertThat(optOuts.isOptedOut(RESIDENT)).isFalse();
    }

    @Test
    void anUnsignedOrTamperedWebhookIs403AndChangesNothing() throws Exception {
        Map<String, String> stop = inboundForm("SM33333333333333333333333333333333", "STOP");
        String signature = sign("/webhooks/twilio/sms", stop);
        Map<String, String> tampered = new LinkedHashMap<>(stop);
        tampered.put("From", "+13125550124");

        assertThat(post("/webhooks/twilio/sms", stop, null).statusCode()).isEqualTo(403);
        assertThat(post("/webhooks/twilio/sms", tampered, signature).statusCode()).isEqualTo(403);
        assertThat(post("/webhooks/twilio/sms?extra=1", stop, signature).statusCode()).isEqualTo(403);
        Map<String, String> status = Map.of("MessageSid", "SM44444444444444444444444444444444",
                "MessageStatus", "delivered", "AccountSid", "AC00000000000000000000000000000000");
        assertThat(post("/webhooks/twilio/status", status, sign("/webhooks/twilio/sms", status)).statusCode())
                .as("signed for another URL").isEqualTo(403);

        assertThat(optOuts.isOptedOut(RESIDENT)).isFalse();
        assertThat(optOuts.isOptedOut("+13125550124")).isFalse();
        assertThat(heard.events).isEmpty();
    }

    @Test
    void aRepeatedDeliveryReportIsPublishedOnce() throws Exception {
        Map<String, String> status = new LinkedHashMap<>();
        status.put("MessageSid", "SM55555555555555555555555555555555");
        status.put("MessageStatus", "undelivered");
        status.put("ErrorCode", "30003");
        status.put("AccountSid", "AC00000000000000000000000000000000");
        String signature = sign("/webhooks/twilio/status", status);

        assertThat(post("/webhooks/twilio/status", status, signature).statusCode()).isEqualTo(204);
        assertThat(post("/webhooks/twilio/status", status, signature).statusCode()).isEqualTo(204);

        assertThat(heard.deliveries()).containsExactly(
                new SmsDelivery("SM55555555555555555555555555555555", "undelivered", "30003"));
    }

    @Test
    void twilioDownIsAFailureWorthRetryingNotARefusal() {
        twilio.goDown();
        try {
            assertThatThrownBy(() -> sms.send(RESIDENT, "Hello")).isNotInstanceOf(SmsRefused.class)
                    .hasMessageContaining("503");
        } finally {
            twilio.comeBack();
        }
    }

    @Test
    void aStopTwilioKnowsOfIsRememberedHere() {
        // Twilio's test credentials: +15005550004 is a number that texted STOP to the account
        TwilioSmsSender testAccount = sender("AC11111111111111111111111111111111", "demo-test", "+15005550006");

        assertThatThrownBy(() -> testAccount.send("+15005550004", "Hello")).isInstanceOf(SmsRefused.class)
                .extracting(e -> ((SmsRefused) e).code()).isEqualTo("21610");
        assertThat(optOuts.isOptedOut("+15005550004")).isTrue();
    }

    @Test
    void aWrongAuthTokenIsAFailureToRetryThatNamesTheSettings() {
        TwilioSmsSender wrongToken = sender("AC00000000000000000000000000000000", "not-the-token", CITY);

        assertThatThrownBy(() -> wrongToken.send(RESIDENT, "Hi"))
                .isNotInstanceOf(SmsRefused.class).hasMessageContaining("401 20003")
                .hasMessageContaining("civic311.sms.twilio.account-sid and auth-token");
    }

    private TwilioSmsSender sender(String accountSid, String authToken, String from) {
        return new TwilioSmsSender(new TwilioSmsProperties(true, URI.create("http://localhost:" + PORT + "/sim/twilio"),
                accountSid, authToken, null, from, null, URI.create("http://localhost:" + PORT), Duration.ofSeconds(5),
                Duration.ofSeconds(5)), optOuts, RestClient.builder());
    }

    private Map<String, String> inboundForm(String sid, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("AccountSid", "AC00000000000000000000000000000000");
        form.put("From", RESIDENT);
        form.put("To", CITY);
        form.put("Body", body);
        return form;
    }

    /** Signs as Twilio does, with the account's auth token, for the public URL of {@code path}. */
    private static String sign(String path, Map<String, String> form) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        form.forEach((name, value) -> params.put(name, List.of(value)));
        return new TwilioRequestSignature("demo").of("http://localhost:" + PORT + path, params);
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String signature)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the application published for whoever listens. */
    static class Heard {

        final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener
        void inbound(InboundSms text) {
            events.add(text);
        }

        @EventListener
        void delivery(SmsDelivery report) {
            events.add(report);
        }

        List<InboundSms> inbound() {
            return events.stream().filter(InboundSms.class::isInstance).map(InboundSms.class::cast).toList();
        }

        List<SmsDelivery> deliveries() {
            return events.stream().filter(SmsDelivery.class::isInstance).map(SmsDelivery.class::cast).toList();
        }
    }

    @TestConfiguration
    static class Listening {

        @Bean
        Heard heard() {
            return new Heard();
        }
    }
}
