package org.civic311.simulators.twilio;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Messages resource, {@code /2010-04-01/Accounts/{AccountSid}/Messages.json}: create a message (form-encoded, as
 * Twilio takes it), list the account's messages (newest first, paged) and fetch one. Plus
 * {@code POST <base>/inbound}, the demo's way of playing a resident who texts the account's number.
 */
@RestController
@RequestMapping("${civic311.simulators.twilio.base-path:/sim/twilio}")
class MessagesController {

    static final int MAX_BODY = 1600;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final TwilioSimulator simulator;
    private final TwilioSimulatorProperties account;
    // Its own mapper, so the host's Jackson settings cannot reshape the wire format (nulls stay, as Twilio sends them).
    private final ObjectMapper json = new ObjectMapper();

    MessagesController(TwilioSimulator simulator) {
        this.simulator = simulator;
        this.account = simulator.properties();
    }

    @PostMapping(path = "/2010-04-01/Accounts/{accountSid}/Messages.json",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> create(@PathVariable String accountSid,
                                  @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                  @RequestParam MultiValueMap<String, String> form) {
        refuseDuringOutage();
        Credentials credentials = Credentials.of(authorization, accountSid, account);
        String to = form.getFirst("To");
        String from = form.getFirst("From");
        String service = form.getFirst("MessagingServiceSid");
        String body = form.getFirst("Body");
        if (blank(to)) {
            throw TwilioError.badRequest(21604, "A 'To' phone number is required.");
        }
        if (blank(from) && blank(service)) {
            throw TwilioError.badRequest(21603, "A 'From' phone number is required.");
        }
        if (blank(body)) {
            throw TwilioError.badRequest(21602, "Message body is required.");
        }
        if (body.length() > MAX_BODY) {
            throw TwilioError.badRequest(21617, "The concatenated message body exceeds the 1600 character limit.");
        }
        URI callback = callback(form.getFirst("StatusCallback"));
        if (credentials == Credentials.TEST) {
            MagicNumbers.check(from, to);
            return answer(HttpStatus.CREATED, MessageJson.of(new SimulatedMessage(TwilioSimulator.newSid(), accountSid,
                    null, from, to, body, "outbound-api", "queued", null, Segments.of(body), simulator.clock.now(),
                    null, simulator.clock.now(), null)));
        }
        checkRecipient(to);
        if (!blank(service) && !service.equals(account.messagingServiceSid())) {
            throw new TwilioError(20404, 404, "The requested resource /Services/" + service + " was not found");
        }
        String sender = blank(from) ? account.phoneNumbers().get(0) : from;
        if (!account.phoneNumbers().contains(sender)) {
            throw MagicNumbers.notOwned(sender);
        }
        SimulatedMessage message = simulator.queue(sender, to, body, blank(service) ? null : service, callback);
        if (simulator.outage.loseThisResponse()) {
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.TEXT_HTML).body("Bad Gateway");
        }
        return answer(HttpStatus.CREATED, MessageJson.of(message));
    }

    @GetMapping("/2010-04-01/Accounts/{accountSid}/Messages.json")
    ResponseEntity<String> list(@PathVariable String accountSid,
                                @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                @RequestParam(name = "To", required = false) String to,
                                @RequestParam(name = "From", required = false) String from,
                                @RequestParam(name = "Page", defaultValue = "0") int page,
                                @RequestParam(name = "PageSize", defaultValue = "50") int pageSize) {
        refuseDuringOutage();
        readable(authorization, accountSid);
        int size = Math.max(1, Math.min(pageSize, 1000));
        int number = Math.max(0, page);
        List<SimulatedMessage> found = simulator.page(to, from, number, size + 1);
        boolean more = found.size() > size;
        List<Map<String, Object>> messages = found.stream().limit(size).map(MessageJson::of).toList();
        String path = "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
        String filter = (to == null ? "" : "&To=" + to) + (from == null ? "" : "&From=" + from);
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("end", number * size + Math.max(messages.size() - 1, 0));
        listing.put("first_page_uri", path + "?PageSize=" + size + "&Page=0" + filter);
        listing.put("messages", messages);
        listing.put("next_page_uri", more ? path + "?PageSize=" + size + "&Page=" + (number + 1) + filter : null);
        listing.put("page", number);
        listing.put("page_size", size);
        listing.put("previous_page_uri", number > 0 ? path + "?PageSize=" + size + "&Page=" + (number - 1) + filter : null);
        listing.put("start", number * size);
        listing.put("uri", path + "?PageSize=" + size + "&Page=" + number + filter);
        return answer(HttpStatus.OK, listing);
    }

    @GetMapping("/2010-04-01/Accounts/{accountSid}/Messages/{messageSid}.json")
    ResponseEntity<String> fetch(@PathVariable String accountSid, @PathVariable String messageSid,
                                 @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        refuseDuringOutage();
        readable(authorization, accountSid);
        SimulatedMessage message = simulator.message(messageSid)
                .orElseThrow(() -> TwilioError.notFound(MessageJson.uri(accountSid, messageSid)));
        return answer(HttpStatus.OK, MessageJson.of(message));
    }

    /** A resident texts {@code To} (an account number; its first one when not given). No credentials: a phone has none. */
    @PostMapping(path = "/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> inbound(@RequestParam(name = "From", required = false) String from,
                                   @RequestParam(name = "To", required = false) String to,
                                   @RequestParam(name = "Body", required = false) String body) {
        if (blank(from) || blank(body)) {
            throw TwilioError.badRequest(21602, "From and Body are required: the resident's number and their text.");
        }
        if (!from.strip().matches("\\+[1-9]\\d{1,14}")) {
            // Twilio always gives a phone's number in E.164; a bare "+" in a form is a space (curl -d), so say how to send it.
            throw TwilioError.badRequest(21212, "From must be the resident's number in E.164, e.g. +13125550123 (in a form,"
                    + " send + as %2B: curl --data-urlencode 'From=+13125550123'); it was '" + from + "'.");
        }
        TwilioSimulator.Received received = simulator.receive(from.strip(), blank(to) ? account.phoneNumbers().get(0)
                : to.strip(), body);
        Map<String, Object> answer = MessageJson.of(received.message());
        answer.put("webhook_status", received.webhookStatus());
        return answer(HttpStatus.CREATED, answer);
    }

    @ExceptionHandler(TwilioError.class)
    ResponseEntity<String> refused(TwilioError error) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(error.status);
        if (error.status == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Twilio API\"");
        }
        return builder.contentType(MediaType.APPLICATION_JSON).body(write(error.body()));
    }

    private void refuseDuringOutage() {
        if (simulator.outage.refuse()) {
            throw new TwilioError(20503, 503, "Service Unavailable");
        }
    }

    /** Reading messages takes the live credentials; Twilio's test credentials only create. */
    private void readable(String authorization, String accountSid) {
        if (Credentials.of(authorization, accountSid, account) == Credentials.TEST) {
            throw new TwilioError(20008, 403, "Resource not accessible with Test Account Credentials");
        }
    }

    private void checkRecipient(String to) {
        PhoneNumber number;
        try {
            number = PHONES.parse(to, null);
        } catch (NumberParseException e) {
            throw invalidTo(to);
        }
        if (!to.startsWith("+") || !PHONES.isValidNumber(number)) {
            throw invalidTo(to);
        }
        if (account.landlines().contains(to) || PHONES.getNumberType(number) == PhoneNumberType.FIXED_LINE) {
            throw TwilioError.badRequest(21614, "'To' number is not a valid mobile number");
        }
    }

    private static TwilioError invalidTo(String to) {
        return TwilioError.badRequest(21211, "The 'To' number " + to + " is not a valid phone number.");
    }

    private static URI callback(String url) {
        if (blank(url)) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw TwilioError.badRequest(21609, "Invalid StatusCallback url: " + url);
    }

    private ResponseEntity<String> answer(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(write(body));
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A message always serializes", e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
