package org.civic311.simulators.accela;

import static org.assertj.core.api.Assertions.assertThat;

import org.civic311.simulators.accela.AccelaHttp.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;

/** The token endpoint, as a server-to-server integration uses it: password grant, refresh grant, tokeninfo. */
@SimulatorTest
class OAuthTokenTest {

    @LocalServerPort
    int port;

    AccelaHttp accela;

    @BeforeEach
    void client() {
        accela = new AccelaHttp(port);
    }

    @Test
    void passwordGrantIssuesBearerTokensWithExpiresInAsAString() {
        Reply reply = accela.token(AccelaHttp.passwordForm());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.at("/token_type")).isEqualTo("bearer");
        assertThat(reply.json().get("expires_in").isTextual()).as("expires_in is a string").isTrue();
        assertThat(reply.at("/expires_in")).isEqualTo("3600");
        assertThat(reply.at("/access_token")).isNotBlank();
        assertThat(reply.at("/refresh_token")).isNotBlank().isNotEqualTo(reply.at("/access_token"));
        assertThat(reply.at("/scope")).isEqualTo("records");
    }

    @Test
    void wrongClientSecretIsInvalidClient() {
        MultiValueMap<String, String> form = AccelaHttp.passwordForm();
        form.set("client_secret", "not-the-secret");

        Reply reply = accela.token(form);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.at("/error")).isEqualTo("invalid_client");
        assertThat(reply.json().has("error_description")).isTrue();
        assertThat(reply.json().has("error_uri")).isTrue();
        assertThat(reply.json().has("state")).isTrue();
    }

    @Test
    void unknownAppIsInvalidClient() {
        MultiValueMap<String, String> form = AccelaHttp.passwordForm();
        form.set("client_id", "some-other-app");

        assertThat(accela.token(form).at("/error")).isEqualTo("invalid_client");
    }

    @Test
    void wrongPasswordOrUnknownUserIsInvalidGrant() {
        MultiValueMap<String, String> wrongPassword = AccelaHttp.passwordForm();
        wrongPassword.set("password", "guess");
        MultiValueMap<String, String> unknownUser = AccelaHttp.passwordForm();
        unknownUser.set("username", "mallory");

        Reply first = accela.token(wrongPassword);
        Reply second = accela.token(unknownUser);

        assertThat(first.status()).isEqualTo(400);
        assertThat(first.at("/error")).isEqualTo("invalid_grant");
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.at("/error")).isEqualTo("invalid_grant");
    }

    @Test
    void userNamesIgnoreCaseAndUserIdsAreUpperCase() {
        MultiValueMap<String, String> form = AccelaHttp.passwordForm();
        form.set("username", "DeMo");
        Reply login = accela.token(form);
        accela.accessToken = login.at("/access_token");

        Reply info = accela.send(HttpMethod.GET, "/oauth2/tokeninfo", null, headers -> { });

        assertThat(login.status()).isEqualTo(200);
        assertThat(info.at("/userId")).isEqualTo("DEMO");
    }

    @Test
    void unknownAgencyOrEnvironmentIsInvalidRequest() {
        MultiValueMap<String, String> otherAgency = AccelaHttp.passwordForm();
        otherAgency.set("agency_name", "SPRINGFIELD");
        MultiValueMap<String, String> production = AccelaHttp.passwordForm();
        production.set("environment", "PROD");

        assertThat(accela.token(otherAgency).at("/error")).isEqualTo("invalid_request");
        assertThat(accela.token(production).at("/error")).isEqualTo("invalid_request");
    }

    @Test
    void missingAppIdHeaderIsInvalidRequest() {
        Reply reply = accela.token(AccelaHttp.passwordForm(), headers -> { });

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.at("/error")).isEqualTo("invalid_request");
        assertThat(reply.at("/error_description")).contains("x-accela-appid");
    }

    @Test
    void authorizationCodeGrantIsNotSupported() {
        MultiValueMap<String, String> form = AccelaHttp.passwordForm();
        form.set("grant_type", "authorization_code");

        Reply reply = accela.token(form);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.at("/error")).isEqualTo("unsupported_grant_type");
    }

    @Test
    void aJsonBodyIsRefusedBecauseTheEndpointTakesAForm() {
        Reply reply = accela.send(HttpMethod.POST, "/oauth2/token",
                "{\"grant_type\":\"password\",\"client_id\":\"demo\"}", headers -> headers.setContentType(MediaType.APPLICATION_JSON));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.at("/error")).isEqualTo("invalid_request");
    }

    @Test
    void refreshIssuesNewTokensAndTheOldRefreshTokenIsThenRefused() {
        accela.login();
        String firstRefreshToken = accela.refreshToken;
        MultiValueMap<String, String> refresh = AccelaHttp.refreshForm(firstRefreshToken);

        Reply refreshed = accela.token(refresh);
        Reply again = accela.token(refresh);

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.at("/refresh_token")).isNotEqualTo(firstRefreshToken);
        assertThat(refreshed.at("/access_token")).isNotEqualTo(accela.accessToken);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.at("/error")).isEqualTo("invalid_grant");

        accela.accessToken = refreshed.at("/access_token");
        assertThat(accela.get("/v4/records").status()).as("the new access token works").isEqualTo(200);
    }

    @Test
    void refreshNeedsTheAppSecret() {
        accela.login();
        MultiValueMap<String, String> refresh = AccelaHttp.refreshForm(accela.refreshToken);
        refresh.set("client_secret", "wrong");

        assertThat(accela.token(refresh).at("/error")).isEqualTo("invalid_client");
    }

    @Test
    void tokenInfoTellsWhatTheTokenWasIssuedFor() {
        accela.login();

        Reply info = accela.send(HttpMethod.GET, "/oauth2/tokeninfo", null, headers -> { });

        assertThat(info.status()).isEqualTo(200);
        assertThat(info.at("/appId")).isEqualTo("demo");
        assertThat(info.at("/userId")).isEqualTo("DEMO");
        assertThat(info.at("/agencyName")).isEqualTo("CIVIC311");
        assertThat(info.json().get("scopes").toString()).isEqualTo("[\"records\"]");
        assertThat(info.json().get("expiresIn").asLong()).isBetween(3590L, 3600L);
    }

    @Test
    void tokenInfoWithoutATokenAnswersInTheApiEnvelope() {
        Reply info = accela.send(HttpMethod.GET, "/oauth2/tokeninfo", null, headers -> headers.remove("Authorization"));

        assertThat(info.status()).isEqualTo(401);
        assertThat(info.at("/code")).isEqualTo("no_token");
    }
}
