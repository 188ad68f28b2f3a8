package org.civic311.simulators.cityworks;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.civic311.simulators.cityworks.CityworksTestClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.simulators.cityworks.CityworksTestClient.data;

class AuthenticationTest extends SimulatorHttpTest {

    @Test
    void demoLoginGetsATokenThatValidates() {
        Reply reply = client.authenticate("demo", "demo");

        String token = reply.ok().path("Token").asText();
        assertThat(token).isNotBlank();
        assertThat(reply.json().path("Message").isNull()).isTrue();
        assertThat(reply.json().path("ErrorMessages").isEmpty()).isTrue();
        assertThat(client.call("General/Authentication/Validate", data("Token", token)).ok().asBoolean()).isTrue();
        assertThat(client.call("General/Authentication/Validate", data("Token", "made-up")).ok().asBoolean()).isFalse();
    }

    @Test
    void wrongPasswordIsInvalidCredentialsStillWithHttp200() {
        Reply reply = client.authenticate("demo", "not-the-password");

        assertThat(reply.httpStatus()).isEqualTo(200);
        assertThat(reply.status()).isEqualTo(3);
        assertThat(reply.value().isNull()).isTrue();
        assertThat(reply.error().path("Name").asText()).isEqualTo("InvalidCredentials");
        assertThat(reply.error().path("MessageType").asInt()).isEqualTo(2);
    }

    @Test
    void loginNamesIgnoreCaseButPasswordsDoNot() {
        assertThat(client.authenticate("DEMO", "demo").status()).isZero();
        assertThat(client.authenticate("demo", "DEMO").status()).isEqualTo(3);
    }

    @Test
    void theTokenWorksAsFormFieldAsAuthorizationHeaderAndInAGetQuery() {
        assertThat(client.call("Ams/ServiceRequest/Problems", data()).status()).isZero();
        assertThat(client.callWithHeader("Ams/ServiceRequest/Problems", data()).status()).isZero();
        assertThat(client.get("Ams/ServiceRequest/Problems", data("ForPublicOnly", true)).status()).isZero();
    }

    @Test
    void callsWithoutAGoodTokenAreUnauthorized() {
        Reply missing = client.callWithToken("Ams/ServiceRequest/Problems", data(), null);
        Reply madeUp = client.callWithToken("Ams/ServiceRequest/Problems", data(), "made-up");

        assertThat(missing.httpStatus()).isEqualTo(200);
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.error().path("Name").asText()).isEqualTo("Unauthorized");
        assertThat(madeUp.status()).isEqualTo(2);
    }

    @Test
    void expiredTokensAreUnauthorizedUntilTheClientLogsInAgain() {
        String oldToken = client.token();

        simulator.expireAllTokens();

        assertThat(client.call("Ams/ServiceRequest/Problems", data()).status()).isEqualTo(2);
        assertThat(client.call("General/Authentication/Validate", data("Token", oldToken)).ok().asBoolean()).isFalse();
        client.login();
        assertThat(client.call("Ams/ServiceRequest/Problems", data()).status()).isZero();
    }

    @Test
    void tokensLiveForTheirLifetimeOrForWhatExpiresAsksFor() {
        String shortToken = client.call("General/Authentication/Authenticate",
                data("LoginName", "demo", "Password", "demo", "Expires", 60_000)).ok().path("Token").asText();

        simulator.shiftClock(Duration.ofMinutes(2));

        assertThat(client.callWithToken("Ams/ServiceRequest/Problems", data(), shortToken).status()).isEqualTo(2);
        assertThat(client.call("Ams/ServiceRequest/Problems", data()).status()).as("the default 8 h token").isZero();
        simulator.shiftClock(Duration.ofHours(8));
        assertThat(client.call("Ams/ServiceRequest/Problems", data()).status()).isEqualTo(2);
    }
}
