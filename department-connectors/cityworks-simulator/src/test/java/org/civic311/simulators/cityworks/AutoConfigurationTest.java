package org.civic311.simulators.cityworks;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class AutoConfigurationTest {

    private final WebApplicationContextRunner host = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CityworksSimulatorAutoConfiguration.class));

    @Test
    void theDependencyAloneServesNothing() {
        host.run(context -> assertThat(context).doesNotHaveBean(CityworksSimulator.class));
        host.withPropertyValues("civic311.simulators.cityworks.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CityworksSimulator.class));
    }

    @Test
    void enabledItComesWithTheDemoDefaults() {
        host.withPropertyValues("civic311.simulators.cityworks.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(CityworksSimulator.class);
            CityworksSimulatorProperties properties = context.getBean(CityworksSimulatorProperties.class);
            assertThat(properties.getBasePath()).isEqualTo("/sim/cityworks");
            assertThat(properties.getUsers()).containsEntry("demo", "demo");
            assertThat(properties.getTokenLifetime()).isEqualTo(Duration.ofHours(8));
            assertThat(properties.getProblems()).extracting(CityworksSimulatorProperties.ProblemType::getProblemCode)
                    .contains("POTHOLE", "TREE DAMAGED", "TREE DOWN", "STREET LIGHT OUT");
            assertThat(properties.getWorkOrderTemplates()).isNotEmpty();
            assertThat(properties.getWebhook().getUrl()).isNull();
        });
    }

    @Test
    void configuredProblemTypesReplaceTheDefaultSet() {
        host.withPropertyValues("civic311.simulators.cityworks.enabled=true",
                "civic311.simulators.cityworks.problems[0].problem-sid=7",
                "civic311.simulators.cityworks.problems[0].problem-code=ABANDONED VEHICLE",
                "civic311.simulators.cityworks.users.alice=secret").run(context -> {
            CityworksSimulatorProperties properties = context.getBean(CityworksSimulatorProperties.class);
            assertThat(properties.getProblems()).extracting(CityworksSimulatorProperties.ProblemType::getProblemCode)
                    .containsExactly("ABANDONED VEHICLE");
            assertThat(properties.getUsers()).containsEntry("alice", "secret").containsEntry("demo", "demo");
        });
    }
}
