package org.civic311.simulators.accela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.civic311.simulators.accela.AccelaHttp.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tokens expire by the clock, after the configured lifetime. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic311.simulators.accela.enabled=true",
        "civic311.simulators.accela.access-token-lifetime=1s"})
class TokenLifetimeTest {

    @LocalServerPort
    int port;

    @Test
    void anAccessTokenExpiresAfterItsLifetimeAndExpiresInSaysSo() {
        AccelaHttp accela = new AccelaHttp(port);
        Reply login = accela.token(AccelaHttp.passwordForm());
        accela.accessToken = login.at("/access_token");

        assertThat(login.at("/expires_in")).isEqualTo("1");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(accela.get("/v4/records").at("/code")).isEqualTo("token_expired"));
    }
}
