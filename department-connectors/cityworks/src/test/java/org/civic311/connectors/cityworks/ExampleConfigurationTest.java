package org.civic311.connectors.cityworks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.civic311.connectors.ExternalRef;
import org.civic311.simulators.cityworks.CityworksSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The documented urban-forestry example binds as written and files a damaged tree under TREE DAMAGED. */
@SimulatedCityworks
class ExampleConfigurationTest {

    @LocalServerPort
    int port;

    @Autowired
    CityworksSimulator simulator;

    @Test
    void theUrbanForestryExampleWorksAsWritten() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("example", new ClassPathResource("urban-forestry-example.yml"))
                .forEach(environment.getPropertySources()::addLast);
        // Only what a test machine must change: where the site is, and the password from "the environment".
        environment.getPropertySources().addFirst(new MapPropertySource("this machine", Map.of(
                "civic311.connectors.cityworks.base-url", "http://localhost:" + port + "/sim/cityworks",
                "civic311.connectors.cityworks.password-file", "",
                "civic311.connectors.cityworks.password", TestSite.PASSWORD,
                "civic311.connectors.cityworks.zone", "UTC")));
        CityworksConnectorProperties properties = Binder.get(environment)
                .bind(CityworksConnectorProperties.PREFIX, CityworksConnectorProperties.class).get();

        ExternalRef ref = new CityworksConnector(properties).push(TestSite.damagedTree("910001", "urban-forestry"));

        assertThat(simulator.request(TestSite.requestId(ref)).orElseThrow().problemCode()).isEqualTo("TREE DAMAGED");
    }
}
