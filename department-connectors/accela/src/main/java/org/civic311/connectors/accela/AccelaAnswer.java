package org.civic311.connectors.accela;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One HTTP answer from Accela, read whole: its status, its body, and the trace id Accela support asks for.
 * Knows Accela's three shapes of refusal: the API's error envelope ({@code status, code, message, more,
 * traceId}), the token endpoint's RFC 6749 error ({@code error, error_description}), and a gateway's HTML page
 * when Accela itself never answered.
 */
record AccelaAnswer(int status, String body, String traceIdHeader) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The codes of a 401 that a new token cures. */
    private static final Set<String> STALE_TOKEN = Set.of("token_expired", "invalid_token");

    /** An agency's EMSE script failed; as a 500, before the change was made. */
    static final String EMSE_ERROR = "emse_error";

    private static final Set<Integer> RETRIED_4XX = Set.of(401, 404, 408, 409, 429);

    /**
     * The HTTP status behind each of Accela's error codes, for an item of a multi-result answer, which carries only
     * the code. A code not listed is taken for a 500: retried.
     */
    private static final Map<String, Integer> STATUS_OF_CODE = Map.ofEntries(
            Map.entry("bad_request", 400), Map.entry("data_validation_error", 400),
            Map.entry("no_token", 401), Map.entry("invalid_token", 401), Map.entry("token_expired", 401),
            Map.entry("forbidden", 403), Map.entry("unauthorized_app", 403),
            Map.entry("resource_not_found", 404), Map.entry("no_record_found", 404), Map.entry("not_found", 404),
            Map.entry("conflict", 409), Map.entry("too_many_requests", 429), Map.entry("rate_limit_exceeded", 429),
            Map.entry("internal_error", 500), Map.entry("internal_server_error", 500), Map.entry(EMSE_ERROR, 500),
            Map.entry("service_unavailable", 503));

    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /**
     * Whether Accela refused the call for a reason a retry would meet again: a 4xx about what we sent (bad_request,
     * data_validation_error...), a 403 (a right the login or app lacks: it is missing until an administrator grants
     * it), or a 500 {@code emse_error}, an agency script run before the change that rejects it. Not: 401 (a token or
     * login, renewed or fixed for every task at once), 404 (a record not yet visible), 408, 409 and 429 (timing,
     * a concurrent change), nor any other 5xx.
     */
    boolean isRefusal() {
        return isRefusal(status, code());
    }

    /** {@link #isRefusal()} for one failed item of a multi-result answer ({@code isSuccess: false}), by its code. */
    static boolean isRefusedItem(JsonNode item) {
        String code = text(item, "code");
        int status = item.path("status").asInt(0);
        return isRefusal(status > 0 ? status : STATUS_OF_CODE.getOrDefault(code, 500), code);
    }

    private static boolean isRefusal(int status, String code) {
        if (status == 500) {
            return EMSE_ERROR.equals(code);
        }
        return status >= 400 && status < 500 && !RETRIED_4XX.contains(status);
    }

    /** An API call refused because our access token expired or is no longer known: worth one more try. */
    boolean isStaleToken() {
        return status == 401 && STALE_TOKEN.contains(code());
    }

    /** The body as JSON; null when it is not JSON (a gateway page, an empty body). */
    JsonNode json() {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The error code: {@code code} of the API envelope, or {@code error} of the token endpoint. */
    String code() {
        JsonNode json = json();
        if (json == null) {
            return null;
        }
        return text(json, "code") != null ? text(json, "code") : text(json, "error");
    }

    String traceId() {
        JsonNode json = json();
        String inBody = json == null ? null : text(json, "traceId");
        return inBody != null ? inBody : traceIdHeader;
    }

    /**
     * What went wrong, for an operator reading the incident: status, Accela's code and message, its hint, and
     * the trace id to quote to Accela support.
     */
    String describe() {
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        JsonNode json = json();
        String code = code();
        if (code != null) {
            text.append(' ').append(code);
            String message = text(json, "message") != null ? text(json, "message") : text(json, "error_description");
            if (message != null) {
                text.append(": ").append(message);
            }
            String more = text(json, "more");
            if (more != null) {
                text.append(" (").append(more).append(')');
            }
        } else {
            text.append(' ').append(gatewayText()).append(" (not an answer from Accela itself: a gateway or outage page)");
        }
        String traceId = traceId();
        if (traceId != null) {
            text.append(" [traceId ").append(traceId).append(']');
        }
        return text.toString();
    }

    private String gatewayText() {
        if (body == null || body.isBlank()) {
            return "with an empty body";
        }
        Matcher title = TITLE.matcher(body);
        if (title.find()) {
            return "'" + title.group(1).strip() + "'";
        }
        String start = body.strip().replaceAll("\\s+", " ");
        return "'" + (start.length() > 120 ? start.substring(0, 120) + "…" : start) + "'";
    }

    static String text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank() ? null : value.asText();
    }
}
