package org.civic311.orchestrator.sms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Civic311's Twilio webhooks, open to anyone but heard only when Twilio signed them ({@code X-Twilio-Signature},
 * checked against the public URL Twilio called): anything unsigned or tampered with is answered 403 and changes
 * nothing.
 * <ul>
 * <li>{@code POST /webhooks/twilio/sms}, a number's "a message comes in" webhook: STOP and its synonyms opt the
 * sender out, START and UNSTOP back in, HELP changes nothing (Twilio answers all three itself); any other text is
 * published as {@link InboundSms}.</li>
 * <li>{@code POST /webhooks/twilio/status}, the status callback of every text Civic311 sends: published as
 * {@link SmsDelivery}.</li>
 * </ul>
 * Each message's event is taken once: a webhook Twilio repeats or someone replays is answered 200 and ignored.
 */
@RestController
@ConditionalOnProperty(prefix = TwilioSmsProperties.PREFIX, name = "enabled", havingValue = "true")
class TwilioWebhooks {

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhooks.class);
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final TwilioSmsProperties settings;
    private final TwilioRequestSignature signature;
    private final OptOuts optOuts;
    private final SeenWebhooks seen;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    TwilioWebhooks(TwilioSmsProperties settings, OptOuts optOuts, SeenWebhooks seen, ApplicationEventPublisher events,
                   TransactionTemplate transaction) {
        this.settings = settings;
        this.signature = new TwilioRequestSignature(settings.resolvedAuthToken());
        this.optOuts = optOuts;
        this.seen = seen;
        this.events = events;
        this.transaction = transaction;
    }

    @PostMapping(path = TwilioSmsProperties.INBOUND_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> inbound(HttpServletRequest request,
                                   @RequestHeader(name = TwilioRequestSignature.HEADER, required = false) String signed) {
        Map<String, List<String>> params = signedParams(request, signed, TwilioSmsProperties.INBOUND_PATH);
        if (params == null) {
            return forbidden();
        }
        String sid = first(params, "MessageSid");
        String from = first(params, "From");
        String body = Optional.ofNullable(first(params, "Body")).orElse("");
        if (sid == null || from == null) {
            return ResponseEntity.badRequest().body("MessageSid and From are required.");
        }
        transaction.executeWithoutResult(status -> {
            if (!seen.firstTime(sid, SeenWebhooks.INBOUND)) {
                return;
            }
            Optional<OptOutKeywords> keyword = OptOutKeywords.of(first(params, "OptOutType"), body);
            if (keyword.isEmpty()) {
                events.publishEvent(new InboundSms(from, body));
                return;
            }
            switch (keyword.get()) {
                case STOP -> optOuts.optOut(from);
                case START -> optOuts.optIn(from);
                case HELP -> { }
            }
            log.info("SMS keyword {} taken from a resident (message {})", keyword.get(), sid);
        });
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }

    @PostMapping(path = TwilioSmsProperties.STATUS_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> status(HttpServletRequest request,
                                  @RequestHeader(name = TwilioRequestSignature.HEADER, required = false) String signed) {
        Map<String, List<String>> params = signedParams(request, signed, TwilioSmsProperties.STATUS_PATH);
        if (params == null) {
            return forbidden();
        }
        String sid = first(params, "MessageSid");
        String status = Optional.ofNullable(first(params, "MessageStatus")).orElse(first(params, "SmsStatus"));
        if (sid == null || status == null) {
            return ResponseEntity.badRequest().body("MessageSid and MessageStatus are required.");
        }
        transaction.executeWithoutResult(tx -> {
            if (seen.firstTime(sid, status)) {
                events.publishEvent(new SmsDelivery(sid, status, first(params, "ErrorCode")));
            }
        });
        return ResponseEntity.noContent().build();
    }

    /** The POST parameters when Twilio signed them for the public URL of {@code path}; null when it did not. */
    private Map<String, List<String>> signedParams(HttpServletRequest request, String signed, String path) {
        Map<String, List<String>> params = postParams(request);
        return signature.matches(signed, settings.publicUrl(path) + query(request), params) ? params : null;
    }

    private static ResponseEntity<String> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN)
                .body("The X-Twilio-Signature is missing or does not match this request.");
    }

    private static String query(HttpServletRequest request) {
        return request.getQueryString() == null ? "" : "?" + request.getQueryString();
    }

    /**
     * The form's parameters without the query string's: the servlet API merges both (query values first), while Twilio
     * signs only the POST body's.
     */
    private static Map<String, List<String>> postParams(HttpServletRequest request) {
        MultiValueMap<String, String> inQuery = request.getQueryString() == null ? null
                : UriComponentsBuilder.newInstance().query(request.getQueryString()).build(true).getQueryParams();
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            List<String> own = new ArrayList<>(List.of(values));
            int fromQuery = inQuery == null ? 0 : inQuery.getOrDefault(name, List.of()).size();
            own.subList(0, Math.min(fromQuery, own.size())).clear();
            if (!own.isEmpty()) {
                params.put(name, own);
            }
        });
        return params;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
