package org.civic311.simulators.twilio;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.civic311.simulators.kit.Outage;
import org.civic311.simulators.kit.SimulatorClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated Twilio account: its messages, its opted-out numbers and the carrier that moves each message from
 * queued to sent to delivered, reporting every step to the message's signed {@code StatusCallback}. Also the handles
 * tests and demos use: the message list, a resident texting in ({@link #receive}), an outage.
 */
public final class TwilioSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TwilioSimulator.class);
    private static final DateTimeFormatter RAW_DLR_DONE_DATE = DateTimeFormatter.ofPattern("yyMMddHHmm")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TwilioSimulatorProperties properties;
    private final Map<String, SimulatedMessage> messages = new ConcurrentHashMap<>();
    private final Set<String> optedOut = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService carrier = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "twilio-simulator-carrier");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http;
    final SimulatorClock clock = new SimulatorClock();
    final Outage outage = new Outage();

    TwilioSimulator(TwilioSimulatorProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.callbackTimeout()).build();
    }

    TwilioSimulatorProperties properties() {
        return properties;
    }

    // --- What tests and demos see and do ----------------------------------------------------------------

    /** Every message of the account, newest first. */
    public List<SimulatedMessage> messages() {
        return messages.values().stream()
                .sorted(Comparator.comparing(SimulatedMessage::dateCreated).thenComparing(SimulatedMessage::sid)
                        .reversed())
                .toList();
    }

    /** The messages sent to a number (by the API or by Twilio's keyword replies), newest first. */
    public List<SimulatedMessage> messagesTo(String number) {
        return messages().stream().filter(m -> m.to().equals(number)).toList();
    }

    public Optional<SimulatedMessage> message(String sid) {
        return Optional.ofNullable(messages.get(sid));
    }

    public boolean isOptedOut(String number) {
        return optedOut.contains(number);
    }

    /**
     * A resident texts the account's number {@code to}: Twilio stores the message, handles STOP/START/HELP itself
     * (answering with its own reply) and forwards the text to the number's webhook, signed.
     *
     * @return the inbound message and how the webhook answered
     */
    public Received receive(String from, String to, String body) {
        Instant now = clock.now();
        SimulatedMessage inbound = new SimulatedMessage(newSid(), properties.accountSid(), null, from, to, body,
                "inbound", "received", null, Segments.of(body), now, now, now, null);
        messages.put(inbound.sid(), inbound);
        OptOutKeyword.of(body).ifPresent(keyword -> {
            switch (keyword) {
                case STOP -> optedOut.add(from);
                case START -> optedOut.remove(from);
                case HELP -> { }
            }
            SimulatedMessage reply = new SimulatedMessage(newSid(), properties.accountSid(), null, to, from,
                    keyword.reply, "outbound-reply", "delivered", null, Segments.of(keyword.reply), now, now, now,
                    null);
            messages.put(reply.sid(), reply);
        });
        Integer webhookStatus = properties.smsUrl() == null ? null : post(properties.smsUrl(), inboundParams(inbound));
        return new Received(inbound, webhookStatus);
    }

    /** A resident's text and the HTTP status the account's webhook answered (null: no webhook set or unreachable). */
    public record Received(SimulatedMessage message, Integer webhookStatus) {
    }

    public void goDown() {
        outage.goDown();
    }

    public void comeBack() {
        outage.comeBack();
    }

    /** The answers to the next {@code count} messages created are lost on the way back (HTTP 502); each is sent. */
    public void loseNextResponses(int count) {
        outage.loseNext(count);
    }

    /** Answers lost so far. */
    public int lostResponses() {
        return outage.lost();
    }

    /** Calls refused while down. */
    public int refusedCalls() {
        return outage.refused();
    }

    /** Forgets every message and opt-out; the outage ends and the clock is put right. */
    public void reset() {
        messages.clear();
        optedOut.clear();
        outage.reset();
        clock.reset();
    }

    @Override
    public void close() {
        carrier.shutdownNow();
    }

    // --- The Messages API -------------------------------------------------------------------------------

    /** Takes an outbound message that passed the API's checks; the carrier moves it on from here. */
    SimulatedMessage queue(String from, String to, String body, String messagingServiceSid, URI statusCallback) {
        if (optedOut.contains(to)) {
            throw TwilioError.badRequest(21610, "Attempt to send to unsubscribed recipient");
        }
        Instant now = clock.now();
        SimulatedMessage message = new SimulatedMessage(newSid(), properties.accountSid(), messagingServiceSid, from,
                to, body, "outbound-api", "queued", null, Segments.of(body), now, null, now, statusCallback);
        messages.put(message.sid(), message);
        report(message);
        boolean reachable = !properties.unreachable().contains(to);
        later(1, () -> advance(message.sid(), "sent", null));
        later(2, () -> advance(message.sid(), reachable ? "delivered" : "undelivered", reachable ? null : 30003));
        return message;
    }

    private void later(int steps, Runnable step) {
        carrier.schedule(step, properties.deliveryDelay().toMillis() * steps, TimeUnit.MILLISECONDS);
    }

    private void advance(String sid, String status, Integer errorCode) {
        SimulatedMessage moved = messages.computeIfPresent(sid, (id, m) -> m.withStatus(status, errorCode, clock.now()));
        if (moved != null) {
            report(moved);
        }
    }

    private void report(SimulatedMessage message) {
        if (message.statusCallback() == null) {
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", message.accountSid());
        params.put("ApiVersion", "2010-04-01");
        params.put("From", message.from());
        params.put("MessageSid", message.sid());
        params.put("MessageStatus", message.status());
        params.put("SmsSid", message.sid());
        params.put("SmsStatus", message.status());
        params.put("To", message.to());
        if (message.messagingServiceSid() != null) {
            params.put("MessagingServiceSid", message.messagingServiceSid());
        }
        if (message.errorCode() != null) {
            params.put("ErrorCode", message.errorCode().toString());
        }
        if ("delivered".equals(message.status()) || "undelivered".equals(message.status())) {
            params.put("RawDlrDoneDate", RAW_DLR_DONE_DATE.format(message.dateUpdated()));
        }
        carrier.execute(() -> post(message.statusCallback(), params));
    }

    private Map<String, String> inboundParams(SimulatedMessage inbound) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "US");
        params.put("SmsMessageSid", inbound.sid());
        params.put("NumMedia", "0");
        params.put("SmsSid", inbound.sid());
        params.put("SmsStatus", "received");
        params.put("Body", inbound.body());
        params.put("To", inbound.to());
        params.put("NumSegments", Integer.toString(inbound.numSegments()));
        params.put("MessageSid", inbound.sid());
        params.put("AccountSid", inbound.accountSid());
        params.put("From", inbound.from());
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    /** POSTs a signed webhook as Twilio does; the answer's status, or null when the receiver could not be reached. */
    private Integer post(URI url, Map<String, String> params) {
        String form = params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(properties.callbackTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("User-Agent", "TwilioProxy/1.1")
                .header(TwilioSignature.HEADER, TwilioSignature.sign(properties.authToken(), url.toString(), params))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            log.warn("Twilio simulator: the webhook {} could not be reached: {}", url, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String newSid() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "SM" + HexFormat.of().formatHex(bytes);
    }

    List<SimulatedMessage> page(String to, String from, int page, int pageSize) {
        List<SimulatedMessage> matching = new ArrayList<>(messages().stream()
                .filter(m -> to == null || m.to().equals(to))
                .filter(m -> from == null || m.from().equals(from))
                .toList());
        int start = Math.min(page * pageSize, matching.size());
        return matching.subList(start, Math.min(start + pageSize, matching.size()));
    }

}
