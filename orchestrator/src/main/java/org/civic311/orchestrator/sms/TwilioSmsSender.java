package org.civic311.orchestrator.sms;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Texts residents through Twilio's Messages API: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, form
 * encoded, HTTP Basic with the account SID and auth token, asking for status callbacks at Civic311's public
 * {@code /webhooks/twilio/status}. No phone number is ever logged.
 */
class TwilioSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(TwilioSmsSender.class);

    /** Twilio's error codes that no retry changes: the number, the text or the sender is wrong for good. */
    private static final Set<String> PERMANENT = Set.of(
            "21211", // To is not a valid phone number
            "21214", // To cannot be reached
            "21408", // no permission to text the To number's region
            "21602", // Body required
            "21604", // To required
            "21606", // From is not the account's SMS-capable number
            "21610", // the recipient texted STOP
            "21612", // To cannot be reached by SMS
            "21614", // To is not a mobile number
            "21617", // Body too long
            "30006", // landline or unreachable carrier
            "30007"); // filtered as spam by the carrier
    static final String OPTED_OUT = "21610";
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?\\d[\\d ().-]{5,}\\d");

    private final TwilioSmsProperties settings;
    private final OptOuts optOuts;
    private final RestClient twilio;
    private final ObjectMapper json = new ObjectMapper();

    TwilioSmsSender(TwilioSmsProperties settings, OptOuts optOuts, RestClient.Builder builder) {
        this.settings = settings;
        this.optOuts = optOuts;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
        requests.setReadTimeout(settings.readTimeout());
        String credentials = settings.accountSid() + ":" + settings.resolvedAuthToken();
        this.twilio = builder.clone()
                .baseUrl(settings.baseUrl().toString())
                .requestFactory(requests)
                .defaultHeader(HttpHeaders.AUTHORIZATION,
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    @Override
    public String send(String to, String text) {
        if (optOuts.isOptedOut(to)) {
            throw new SmsRefused(OPTED_OUT, "The resident texted STOP: no text is sent until they text START.");
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", to);
        if (settings.from() != null) {
            form.add("From", settings.from());
        } else {
            form.add("MessagingServiceSid", settings.messagingServiceSid());
        }
        form.add("Body", text);
        form.add("StatusCallback", settings.publicUrl(TwilioSmsProperties.STATUS_PATH));
        try {
            return twilio.post()
                    .uri("/2010-04-01/Accounts/{account}/Messages.json", settings.accountSid())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(form)
                    .exchange((request, response) -> {
                        byte[] body = response.getBody().readAllBytes();
                        if (response.getStatusCode().is2xxSuccessful()) {
                            return json.readTree(body).path("sid").asText();
                        }
                        throw refusal(response.getStatusCode(), body, to);
                    });
        } catch (ResourceAccessException e) {
            throw new IllegalStateException("Twilio could not be reached at " + settings.baseUrl() + " (connect-timeout "
                    + settings.connectTimeout().toMillis() + "ms, read-timeout " + settings.readTimeout().toMillis()
                    + "ms): " + e.getMessage(), e);
        }
    }

    /** Twilio's error JSON as a permanent refusal or a failure to retry. */
    private RuntimeException refusal(HttpStatusCode status, byte[] body, String to) {
        JsonNode error = readError(body);
        String code = error.path("code").asText("");
        // Twilio's messages may name the number ("The 'To' number +1… is not valid"): it stays out of logs and records.
        String message = PHONE_NUMBER.matcher(error.path("message").asText("HTTP " + status.value()))
                .replaceAll("(number withheld)");
        if (OPTED_OUT.equals(code)) {
            // Twilio knows of a STOP Civic311 missed (sent to another number of the account): remember it.
            optOuts.optOut(to);
        }
        if (PERMANENT.contains(code) || status.value() == 400 && !code.isEmpty()) {
            return new SmsRefused(code, "Twilio refused the text (" + code + "): " + message);
        }
        log.warn("Twilio answered HTTP {} with error {}: {}", status.value(), code, message);
        String hint = status.value() == 401 ? " (check civic311.sms.twilio.account-sid and auth-token)" : "";
        return new IllegalStateException("Twilio answered HTTP " + status.value() + (code.isEmpty() ? "" : " " + code)
                + ": " + message + hint);
    }

    private JsonNode readError(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException notJson) {
            return json.createObjectNode();
        }
    }
}
