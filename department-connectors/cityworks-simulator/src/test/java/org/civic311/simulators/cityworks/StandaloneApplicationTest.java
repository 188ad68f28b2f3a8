package org.civic311.simulators.cityworks;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

class StandaloneApplicationTest extends SimulatorHttpTest {

    @Autowired
    Environment hostEnvironment;

    @Test
    void theStandaloneMainServesTheSiteWhereARealOneLives() {
        try (ConfigurableApplicationContext standalone = CityworksSimulatorApplication.start("--server.port=0")) {
            int port = ((WebServerApplicationContext) standalone).getWebServer().getPort();

            CityworksTestClient.Reply login = new CityworksTestClient(port, "/cityworks").authenticate("demo", "demo");

            assertThat(login.ok().path("Token").asText()).isNotBlank();
        }
    }

    @Test
    void itsSettingsFileDoesNotLeakIntoAHostApplication() {
        assertThat(hostEnvironment.getProperty("civic311.simulators.cityworks.base-path")).isNull();
        assertThat(hostEnvironment.getProperty("spring.application.name")).isNull();
        assertThat(client.authenticate("demo", "demo").status()).as("served at the default /sim/cityworks").isZero();
    }
}
