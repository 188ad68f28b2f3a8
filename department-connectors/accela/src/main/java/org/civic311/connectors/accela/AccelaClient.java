package org.civic311.connectors.accela;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.ConnectorRefusal;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

/**
 * The Accela Construct API v4, as much of it as a 311 integration uses, and nothing about Civic311: records,
 * their custom forms, workflow tasks and comments, and the record search.
 * <p>
 * Every call carries the raw access token and the three x-accela headers. A call refused because the token went
 * stale is made once more with a renewed token. A refusal that a retry would repeat (a validation error, an agency
 * script that rejects the change, a right the login or app lacks) is a {@link ConnectorRefusal}; an unreachable
 * server, an outage, a throttled call or a refused login is a {@link ConnectorException}, which the engine retries. Both carry Accela's code, message and
 * trace id.
 */
final class AccelaClient {

    static final String TRACE_ID_HEADER = "x-accela-traceId";

    private static final Log log = LogFactory.getLog(AccelaClient.class);

    private final RestClient api;
    private final AccelaTokens tokens;
    private final AccelaConnectorProperties properties;

    AccelaClient(AccelaConnectorProperties properties) {
        this.properties = properties;
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        // Two hosts in production (auth.accela.com, apis.accela.com), one connection pool.
        this.api = RestClient.builder().requestFactory(requests)
                .baseUrl(withoutTrailingSlash(properties.apiUrl())).build();
        RestClient auth = RestClient.builder().requestFactory(requests)
                .baseUrl(withoutTrailingSlash(properties.authUrl())).build();
        this.tokens = new AccelaTokens(auth, properties);
    }

    /** @throws ConnectorException when Accela cannot be reached or refuses the login */
    void checkLogin() {
        tokens.checkLogin();
    }

    /** One page of a record search. */
    record RecordPage(List<JsonNode> records, boolean hasMore) {
    }

    /** {@code POST /v4/search/records}: the records matching a recordSearchModel, one page of them. */
    RecordPage searchRecords(ObjectNode criteria, String expand, int offset, int limit) {
        JsonNode envelope = call("search records", HttpMethod.POST, uri -> {
            uri.path("/v4/search/records").queryParam("offset", offset).queryParam("limit", limit);
            if (expand != null) {
                uri.queryParam("expand", expand);
            }
            return uri.build();
        }, criteria);
        List<JsonNode> records = new ArrayList<>();
        // Accela leaves result out when nothing matched.
        envelope.path("result").forEach(records::add);
        JsonNode page = envelope.path("page");
        // The docs say hasMore, the servers send hasmore.
        boolean hasMore = page.path("hasmore").asBoolean(false) || page.path("hasMore").asBoolean(false);
        return new RecordPage(records, hasMore && !records.isEmpty());
    }

    /** {@code POST /v4/records}: the created record (simpleRecordModel). */
    JsonNode createRecord(ObjectNode record) {
        JsonNode result = call("create a record", HttpMethod.POST, uri -> uri.path("/v4/records").build(), record)
                .path("result");
        if (AccelaAnswer.text(result, "id") == null) {
            throw new ConnectorException("Accela created a record but answered without its id: " + result);
        }
        return result;
    }

    /** {@code PUT /v4/records/{id}/customForms}: {@code [{"id": formId, "Field Name": "value"}]}. */
    void putCustomForms(String recordId, ArrayNode forms) {
        String what = "write the custom form of record " + recordId;
        requireEverySuccess(what, call(what, HttpMethod.PUT,
                uri -> uri.path("/v4/records/{id}/customForms").build(recordId), forms).path("result"));
    }

    /** {@code PUT /v4/records/{id}}: gives the record a status (request_simpleRecordModel). */
    void setStatus(String recordId, String status) {
        ObjectNode body = AccelaAnswer.JSON.createObjectNode();
        body.putObject("status").put("value", status);
        call("set the status of record " + recordId, HttpMethod.PUT,
                uri -> uri.path("/v4/records/{id}").build(recordId), body);
    }

    /** {@code POST /v4/records/{id}/comments}: one comment, not shown on inspections. */
    void addComment(String recordId, String text) {
        ArrayNode comments = AccelaAnswer.JSON.createArrayNode();
        comments.addObject().put("text", text).put("displayOnInspection", "N");
        String what = "comment on record " + recordId;
        requireEverySuccess(what, call(what, HttpMethod.POST,
                uri -> uri.path("/v4/records/{id}/comments").build(recordId), comments).path("result"));
    }

    /** {@code GET /v4/records/{id}/workflowTasks}: taskItemModel[], empty when none. */
    JsonNode workflowTasks(String recordId) {
        return call("read the workflow of record " + recordId, HttpMethod.GET,
                uri -> uri.path("/v4/records/{id}/workflowTasks").build(recordId), null).path("result");
    }

    /** {@code GET /v4/records/{id}/comments}: recordCommentModel[], empty when none. */
    JsonNode comments(String recordId) {
        return call("read the comments of record " + recordId, HttpMethod.GET,
                uri -> uri.path("/v4/records/{id}/comments").build(recordId), null).path("result");
    }

    /**
     * A multi-result answer (HTTP 200, one resultModel per element) fails as its first failed item does: a refusal
     * when a retry would meet it again (a value the agency's form will not take), else retried (internal_error).
     */
    private static void requireEverySuccess(String what, JsonNode results) {
        for (JsonNode result : results) {
            if (!result.path("isSuccess").asBoolean(true)) {
                String failure = "Accela could not " + what + ": " + AccelaAnswer.text(result, "code") + " "
                        + AccelaAnswer.text(result, "message");
                throw AccelaAnswer.isRefusedItem(result) ? new ConnectorRefusal(failure) : new ConnectorException(failure);
            }
        }
    }

    private JsonNode call(String what, HttpMethod method, Function<UriBuilder, URI> uri, JsonNode body) {
        String token = tokens.current();
        AccelaAnswer answer = send(what, method, uri, body, token);
        if (answer.isStaleToken()) {
            // Refused at the door, so nothing was done: the same call is safe to make again, once.
            log.debug("Accela refused the access token to " + what + " (" + answer.describe() + "); renewing it");
            answer = send(what, method, uri, body, tokens.renew(token));
        }
        if (!answer.isSuccess()) {
            String failure = "Accela could not " + what + ": " + answer.describe() + hint(answer.code());
            throw answer.isRefusal() ? new ConnectorRefusal(failure) : new ConnectorException(failure);
        }
        JsonNode json = answer.json();
        if (json == null) {
            throw new ConnectorException("Accela answered the call to " + what + " with something that is not its"
                    + " JSON envelope: " + answer.describe());
        }
        if (AccelaAnswer.text(json, "code") != null) {
            // emse_error: an agency script failed after the change was made; the change stands.
            log.warn("Accela reported " + AccelaAnswer.text(json, "code") + " after it did " + what + ": "
                    + AccelaAnswer.text(json, "message") + " [traceId " + answer.traceId() + "]");
        }
        return json;
    }

    private AccelaAnswer send(String what, HttpMethod method, Function<UriBuilder, URI> uri, JsonNode body, String token) {
        try {
            RestClient.RequestBodySpec request = api.method(method)
                    .uri(uri)
                    .accept(MediaType.APPLICATION_JSON)
                    // The raw token: Accela documents no "Bearer " prefix.
                    .header("Authorization", token)
                    .header("x-accela-appid", properties.appId())
                    .header("x-accela-agency", properties.agency())
                    .header("x-accela-environment", properties.environment());
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(AccelaAnswer.JSON.writeValueAsBytes(body));
            }
            return request.exchange((req, response) -> new AccelaAnswer(response.getStatusCode().value(),
                    new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8),
                    response.getHeaders().getFirst(TRACE_ID_HEADER)));
        } catch (RestClientException e) {
            throw new ConnectorException("Could not reach Accela at " + properties.apiUrl() + " to " + what + " ("
                    + properties.timeouts() + "): " + reason(e), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON for " + what, e);
        }
    }

    private static String hint(String code) {
        String prefix = AccelaConnectorProperties.PREFIX;
        if ("invalid_token".equals(code)) {
            return "; check that " + prefix + ".app-id, .agency and .environment match the login";
        }
        if ("unauthorized_app".equals(code) || "forbidden".equals(code)) {
            return "; check the app's permissions at Accela and " + prefix + ".scope";
        }
        return "";
    }

    /**
     * The I/O failure Spring wrapped (ConnectException, HttpTimeoutException...): the wrapper's own message often
     * ends in ": null", and the deepest cause is the JDK's internals.
     */
    static String reason(RestClientException e) {
        return e.getCause() != null ? e.getCause().toString() : e.getMessage();
    }

    private static String withoutTrailingSlash(String url) {
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
