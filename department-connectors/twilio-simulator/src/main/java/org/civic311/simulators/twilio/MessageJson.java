package org.civic311.simulators.twilio;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A message as the Messages resource answers it: snake_case fields, counts as strings, RFC 2822 dates in GMT. */
final class MessageJson {

    /** Twilio's dates: {@code Thu, 30 Jul 2015 20:12:31 +0000}. */
    static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);

    private static final Map<Integer, String> DELIVERY_ERRORS = Map.of(30003, "Unreachable destination handset");

    private MessageJson() {
    }

    static String uri(String accountSid, String messageSid) {
        return "/2010-04-01/Accounts/" + accountSid + "/Messages/" + messageSid + ".json";
    }

    static Map<String, Object> of(SimulatedMessage m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", m.accountSid());
        json.put("api_version", "2010-04-01");
        json.put("body", m.body());
        json.put("date_created", date(m.dateCreated()));
        json.put("date_sent", date(m.dateSent()));
        json.put("date_updated", date(m.dateUpdated()));
        json.put("direction", m.direction());
        json.put("error_code", m.errorCode());
        json.put("error_message", m.errorCode() == null ? null : DELIVERY_ERRORS.get(m.errorCode()));
        json.put("from", m.from());
        json.put("messaging_service_sid", m.messagingServiceSid());
        json.put("num_media", "0");
        json.put("num_segments", Integer.toString(m.numSegments()));
        json.put("price", null);
        json.put("price_unit", "USD");
        json.put("sid", m.sid());
        json.put("status", m.status());
        String uri = uri(m.accountSid(), m.sid());
        json.put("subresource_uris", Map.of("media", uri.replace(".json", "/Media.json")));
        json.put("to", m.to());
        json.put("uri", uri);
        return json;
    }

    private static String date(Instant instant) {
        return instant == null ? null : RFC_2822.format(instant);
    }
}
