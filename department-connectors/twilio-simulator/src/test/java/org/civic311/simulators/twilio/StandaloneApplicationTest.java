package org.civic311.simulators.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

class StandaloneApplicationTest {

    @Test
    void theStandaloneMainServesTheApiWhereTwiliosLives() throws Exception {
        try (ConfigurableApplicationContext standalone = TwilioSimulatorApplication.start("--server.port=0")) {
            int port = ((WebServerApplicationContext) standalone).getWebServer().getPort();
            String account = TwilioSimulatorProperties.DEMO_ACCOUNT_SID;
            String credentials = Base64.getEncoder().encodeToString((account + ":demo").getBytes(StandardCharsets.UTF_8));

            HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/2010-04-01/Accounts/" + account + "/Messages.json"))
                    .header("Authorization", "Basic " + credentials)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("To=%2B13125550123&From=%2B12025550100&Body=Hi"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
            assertThat(standalone.getEnvironment().getProperty("spring.application.name")).isEqualTo("twilio-simulator");
        }
    }
}
