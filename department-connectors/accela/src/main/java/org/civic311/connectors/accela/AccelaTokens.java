package org.civic311.connectors.accela;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civic311.connectors.ConnectorException;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The access token API calls carry, from auth.accela.com's token endpoint. Logs in with the password grant,
 * refreshes with the refresh token when the access token goes stale, and logs in again when the refresh token
 * is gone too, so an expired token never fails a task.
 * <p>
 * Refresh tokens are single-use, so one holder serves every thread and renews under its lock: two threads
 * finding the same stale token get one renewal between them.
 */
final class AccelaTokens {

    private static final Log log = LogFactory.getLog(AccelaTokens.class);

    private final RestClient auth;
    private final AccelaConnectorProperties properties;

    private String accessToken;
    private String refreshToken;

    AccelaTokens(RestClient auth, AccelaConnectorProperties properties) {
        this.auth = auth;
        this.properties = properties;
    }

    /** The access token to send, logging in first if there is none yet. */
    synchronized String current() {
        if (accessToken == null) {
            logIn();
        }
        return accessToken;
    }

    /**
     * A fresh access token to replace {@code stale}, which Accela just refused. Refreshes if it can, else logs in
     * again.
     *
     * @throws ConnectorException when Accela refuses our credentials or cannot be reached
     */
    synchronized String renew(String stale) {
        if (accessToken != null && !accessToken.equals(stale)) {
            return accessToken;
        }
        if (refreshToken != null && refresh()) {
            log.info("Accela access token expired; refreshed it");
            return accessToken;
        }
        logIn();
        log.info("Accela tokens expired; logged in again as " + properties.username());
        return accessToken;
    }

    /**
     * Logs in afresh and keeps the new tokens: proves the token endpoint is reachable and takes our credentials.
     *
     * @throws ConnectorException when it is not or does not
     */
    synchronized void checkLogin() {
        logIn();
    }

    private void logIn() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "password");
        form.add("client_id", properties.appId());
        form.add("client_secret", properties.resolvedAppSecret());
        form.add("username", properties.username());
        form.add("password", properties.resolvedPassword());
        form.add("scope", properties.scope());
        form.add("agency_name", properties.agency());
        form.add("environment", properties.environment());
        AccelaAnswer answer = token(form, "log in");
        if (!answer.isSuccess()) {
            throw new ConnectorException("Accela refused to log in " + properties.username() + " to agency "
                    + properties.agency() + " (" + properties.environment() + "): " + answer.describe()
                    + hint(answer.code()));
        }
        keep(answer);
    }

    /** Whether the refresh worked; false when the refresh token is used or expired and a login is needed. */
    private boolean refresh() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "refresh_token");
        form.add("client_id", properties.appId());
        form.add("client_secret", properties.resolvedAppSecret());
        form.add("refresh_token", refreshToken);
        AccelaAnswer answer = token(form, "refresh the access token");
        refreshToken = null;
        if (answer.isSuccess()) {
            keep(answer);
            return true;
        }
        if ("invalid_grant".equals(answer.code())) {
            log.info("Accela refused the refresh token (" + answer.describe() + "); logging in again");
            return false;
        }
        throw new ConnectorException("Accela refused to refresh the access token: " + answer.describe()
                + hint(answer.code()));
    }

    private AccelaAnswer token(MultiValueMap<String, String> form, String what) {
        try {
            return auth.post()
                    .uri("/oauth2/token")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .header("x-accela-appid", properties.appId())
                    .body(form)
                    .exchange((request, response) -> new AccelaAnswer(response.getStatusCode().value(),
                            new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8),
                            response.getHeaders().getFirst(AccelaClient.TRACE_ID_HEADER)));
        } catch (RestClientException e) {
            throw new ConnectorException("Could not reach Accela's token endpoint at " + properties.authUrl()
                    + " to " + what + " (" + properties.timeouts() + "): " + AccelaClient.reason(e), e);
        }
    }

    private void keep(AccelaAnswer answer) {
        JsonNode json = answer.json();
        String access = AccelaAnswer.text(json, "access_token");
        if (access == null) {
            throw new ConnectorException("Accela's token endpoint answered without an access_token: " + answer.describe());
        }
        accessToken = access;
        refreshToken = AccelaAnswer.text(json, "refresh_token");
    }

    /** Which setting to look at, for the operator reading the incident. */
    private static String hint(String code) {
        String prefix = AccelaConnectorProperties.PREFIX;
        if ("invalid_client".equals(code)) {
            return "; check " + prefix + ".app-id and " + prefix + ".app-secret";
        }
        if ("invalid_grant".equals(code)) {
            return "; check " + prefix + ".username and " + prefix + ".password";
        }
        if ("invalid_request".equals(code)) {
            return "; check " + prefix + ".agency, " + prefix + ".environment and " + prefix + ".scope";
        }
        return "";
    }
}
