package org.civic311.simulators.accela;

import static org.assertj.core.api.Assertions.assertThat;

import org.civic311.simulators.accela.AccelaHttp.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.util.MultiValueMap;

/** The checks every API call passes: token, app, agency and environment, with Accela's 401 codes. */
@SimulatorTest
class ApiAuthenticationTest {

    @LocalServerPort
    int port;

    @Autowired
    AccelaSimulator simulator;

    AccelaHttp accela;

    @BeforeEach
    void login() {
        simulator.reset();
        accela = new AccelaHttp(port).login();
    }

    @Test
    void aValidTokenAndMatchingHeadersAreServed() {
        assertThat(accela.get("/v4/records").status()).isEqualTo(200);
    }

    @Test
    void noTokenIsNoToken() {
        Reply reply = accela.send(HttpMethod.GET, "/v4/records", null, headers -> headers.remove("Authorization"));

        assertError(reply, 401, "no_token");
    }

    @Test
    void neitherTokenNorAppIdIsABadRequestAsApisAccelaComAnswers() {
        Reply reply = accela.send(HttpMethod.GET, "/v4/records", null, headers -> {
            headers.remove("Authorization");
            headers.remove("x-accela-appid");
        });

        assertError(reply, 400, "bad_request");
        assertThat(reply.at("/message")).isEqualTo("App ID or access token is required.");
    }

    @Test
    void anUnknownTokenIsInvalidToken() {
        accela.accessToken = "not-a-token";

        assertError(accela.get("/v4/records"), 401, "invalid_token");
    }

    @Test
    void theBearerPrefixIsRefusedBecauseAccelaTakesTheRawToken() {
        String token = accela.accessToken;
        accela.accessToken = "Bearer " + token;

        Reply reply = accela.get("/v4/records");

        assertError(reply, 401, "invalid_token");
        assertThat(reply.at("/more")).contains("without a 'Bearer ' prefix");
    }

    @Test
    void anExpiredTokenIsTokenExpiredAndARefreshedOneWorks() {
        simulator.expireAccessTokens();

        Reply expired = accela.get("/v4/records");
        Reply refreshed = accela.token(AccelaHttp.refreshForm(accela.refreshToken));
        accela.accessToken = refreshed.at("/access_token");

        assertError(expired, 401, "token_expired");
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(accela.get("/v4/records").status()).isEqualTo(200);
    }

    @Test
    void afterAllTokensExpireOnlyAFreshLoginHelps() {
        simulator.expireAllTokens();

        Reply refresh = accela.token(AccelaHttp.refreshForm(accela.refreshToken));

        assertError(accela.get("/v4/records"), 401, "token_expired");
        assertThat(refresh.status()).isEqualTo(400);
        assertThat(refresh.at("/error")).isEqualTo("invalid_grant");
        assertThat(accela.login().get("/v4/records").status()).isEqualTo(200);
    }

    @Test
    void headersThatDoNotMatchTheTokenAreInvalidToken() {
        Reply otherAgency = accela.send(HttpMethod.GET, "/v4/records", null, headers -> headers.set("x-accela-agency", "SPRINGFIELD"));
        Reply otherEnvironment = accela.send(HttpMethod.GET, "/v4/records", null, headers -> headers.set("x-accela-environment", "PROD"));
        Reply otherApp = accela.send(HttpMethod.GET, "/v4/records", null, headers -> headers.set("x-accela-appid", "another-app"));
        Reply noAgency = accela.send(HttpMethod.GET, "/v4/records", null, headers -> headers.remove("x-accela-agency"));

        assertError(otherAgency, 401, "invalid_token");
        assertError(otherEnvironment, 401, "invalid_token");
        assertError(otherApp, 401, "invalid_token");
        assertError(noAgency, 401, "invalid_token");
        assertThat(noAgency.at("/more")).contains("x-accela-agency");
    }

    @Test
    void agencyAndEnvironmentHeadersIgnoreCase() {
        Reply reply = accela.send(HttpMethod.GET, "/v4/records", null, headers -> {
            headers.set("x-accela-agency", "civic311");
            headers.set("x-accela-environment", "test");
        });

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void aTokenWithoutTheRecordsScopeIsForbidden() {
        MultiValueMap<String, String> form = AccelaHttp.passwordForm();
        form.set("scope", "inspections");
        accela.accessToken = accela.token(form).at("/access_token");

        assertError(accela.get("/v4/records"), 403, "forbidden");
    }

    @Test
    void everyErrorCarriesTheTraceIdOfItsHeader() {
        accela.accessToken = "not-a-token";

        Reply reply = accela.get("/v4/records");

        assertThat(reply.headers().getFirst("x-accela-traceId")).matches("\\d{15}-[0-9a-f]{8}");
        assertThat(reply.at("/traceId")).isEqualTo(reply.headers().getFirst("x-accela-traceId"));
        assertThat(reply.json().has("more")).isTrue();
        assertThat(reply.headers().getFirst("x-accela-resp-code")).isEqualTo("invalid_token");
    }

    static void assertError(Reply reply, int status, String code) {
        assertThat(reply.status()).as("HTTP status of %s", reply.body()).isEqualTo(status);
        assertThat(reply.at("/status")).isEqualTo(String.valueOf(status));
        assertThat(reply.at("/code")).isEqualTo(code);
        assertThat(reply.at("/message")).isNotBlank();
        assertThat(reply.at("/traceId")).isNotBlank();
    }
}
