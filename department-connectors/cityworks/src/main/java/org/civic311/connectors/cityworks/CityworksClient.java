package org.civic311.connectors.cityworks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civic311.connectors.ConnectorException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The raw Cityworks transport, knowing nothing of Civic311's work: one POST per service method to
 * {@code {site}/Services/{Area}/{Service}/{Method}} with the single form field {@code data=<JSON>}, the token in
 * the {@code Authorization: cityworks <token>} header (all version 23 and later read) and, by default, also as the
 * {@code token=} field (all earlier versions read), and the envelope every answer comes in. Logs in on first use
 * and again, once per call, when the site says the token is no good: Status 2 in an HTTP 200, or HTTP 401.
 * Thread-safe.
 */
final class CityworksClient {

    private static final Log log = LogFactory.getLog(CityworksClient.class);

    static final String AUTHENTICATE = "General/Authentication/Authenticate";

    private static final int UNAUTHORIZED = 401;

    private final RestClient http;
    private final ObjectMapper json;
    private final String servicesUrl;
    private final String loginName;
    private final String password;
    private final CityworksConnectorProperties.TokenPlacement tokenPlacement;
    private final String timeouts;

    private final Object login = new Object();
    private volatile String token;

    CityworksClient(String baseUrl, String loginName, String password,
                    CityworksConnectorProperties.TokenPlacement tokenPlacement, Duration connectTimeout,
                    Duration readTimeout, ObjectMapper json) {
        this.servicesUrl = baseUrl.strip().replaceAll("/+$", "") + "/Services/";
        this.loginName = loginName;
        this.password = password;
        this.tokenPlacement = tokenPlacement;
        this.json = json;
        this.timeouts = "connect-timeout " + connectTimeout.toMillis() + "ms, read-timeout " + readTimeout.toMillis() + "ms";
        // HTTP/1.1: IIS in front of Cityworks does not speak cleartext HTTP/2, and an upgrade attempt only costs time.
        HttpClient jdk = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(jdk);
        requests.setReadTimeout(readTimeout);
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /**
     * Calls one service method and answers its envelope, whatever its Status. Unauthorized (the token expired or
     * was revoked) logs in again and repeats the call once, so a task never fails for an old token.
     *
     * @throws ConnectorException when Cityworks cannot be reached, answers other than HTTP 2xx, refuses the
     *                            login, or still says Unauthorized with a fresh token
     */
    Envelope call(String service, Map<String, ?> data) {
        String used = currentToken();
        Envelope answer = post(service, data, used);
        if (!answer.isUnauthorized()) {
            return answer;
        }
        log.info("Cityworks answered " + service + " with Unauthorized (" + answer.errorText() + "); logging in again");
        String renewed = renewedToken(used);
        answer = post(service, data, renewed);
        if (answer.isUnauthorized()) {
            forget(renewed);
            throw new ConnectorException("Cityworks refused " + service + " for '" + loginName
                    + "' even with a new token: " + answer.errorText() + tokenAdvice());
        }
        return answer;
    }

    /**
     * Logs in afresh and keeps the new token: proves the site is reachable and takes our login.
     *
     * @throws ConnectorException when it is not or does not
     */
    void checkLogin() {
        synchronized (login) {
            token = null;
            token = authenticate();
        }
    }

    private String tokenAdvice() {
        return tokenPlacement == CityworksConnectorProperties.TokenPlacement.FIELD
                ? " (Cityworks 23 and later read the token from the Authorization header only: set "
                        + CityworksConnectorProperties.PREFIX + ".token-placement to both)"
                : "";
    }

    // A token the site refused is never used again: the next call logs in afresh.
    private void forget(String refused) {
        synchronized (login) {
            if (Objects.equals(token, refused)) {
                token = null;
            }
        }
    }

    private String currentToken() {
        String current = token;
        return current != null ? current : renewedToken(null);
    }

    // Only the first caller holding a stale token logs in again; the others use the token it got.
    private String renewedToken(String stale) {
        synchronized (login) {
            if (token == null || Objects.equals(token, stale)) {
                // Forgotten first: when this login fails, the next call logs in rather than sending a dead token.
                token = null;
                token = authenticate();
            }
            return token;
        }
    }

    private String authenticate() {
        Envelope answer = post(AUTHENTICATE, Map.of("LoginName", loginName, "Password", password), null);
        if (answer.status() == Envelope.INVALID_CREDENTIALS || answer.isUnauthorized()) {
            throw new ConnectorException("Cityworks refused the login '" + loginName + "' (InvalidCredentials): check "
                    + CityworksConnectorProperties.PREFIX + ".login-name and its password");
        }
        String issued = answer.valueOrThrow().path("Token").asText("");
        if (issued.isBlank()) {
            throw new ConnectorException("Cityworks answered " + AUTHENTICATE + " without a token");
        }
        return issued;
    }

    private Envelope post(String service, Map<String, ?> data, String withToken) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("data", write(service, data));
        if (withToken != null && tokenPlacement.inField()) {
            form.add("token", withToken);
        }
        URI uri = URI.create(servicesUrl + service);
        Answer answer;
        try {
            answer = http.post()
                    .uri(uri)
                    .headers(headers -> {
                        if (withToken != null && tokenPlacement.inHeader()) {
                            headers.set(HttpHeaders.AUTHORIZATION, "cityworks " + withToken);
                        }
                    })
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(form)
                    .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                            StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8)));
        } catch (RestClientException e) {
            // A stalled site ends here after a timeout, with a message that does not say so: name the timeouts.
            throw new ConnectorException("Cannot reach Cityworks for " + service + " at " + uri + " (" + timeouts
                    + "): " + e.getMessage(), e);
        }
        if (answer.httpStatus() == UNAUTHORIZED) {
            // Sites from version 23 answer a bad token (or login) so, not with Status 2 in an HTTP 200.
            return Envelope.unauthorized(service, "HTTP 401: " + firstLine(answer.body()));
        }
        if (answer.httpStatus() / 100 != 2) {
            throw new ConnectorException("Cityworks answered HTTP " + answer.httpStatus() + " to " + service + ": "
                    + firstLine(answer.body()));
        }
        return Envelope.of(service, read(service, answer));
    }

    private String write(String service, Map<String, ?> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the data of " + service, e);
        }
    }

    // A proxy's login page or an HTML error with status 200 is no envelope: say so instead of failing later.
    private JsonNode read(String service, Answer answer) {
        try {
            JsonNode body = json.readTree(answer.body());
            if (body != null && body.isObject() && body.has("Status")) {
                return body;
            }
        } catch (IOException notJson) {
            // reported below
        }
        throw new ConnectorException("Cityworks answered " + service + " with something that is not a Cityworks"
                + " envelope (is the base-url right?): " + firstLine(answer.body()));
    }

    private static String firstLine(String body) {
        String text = body == null ? "" : body.strip();
        int end = text.indexOf('\n');
        text = end < 0 ? text : text.substring(0, end);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private record Answer(int httpStatus, String body) {
    }
}
