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
            assertThat(properties.basePath()).isEqualTo("/sim/cityworks");
            assertThat(properties.users()).containsEntry("demo", "demo");
            assertThat(properties.tokenLifetime()).isEqualTo(Duration.ofHours(8));
            assertThat(properties.problems()).extracting(CityworksSimulatorProperties.ProblemType::problemCode)
                    .contains("POTHOLE", "TREE DAMAGED", "TREE DOWN", "STREET LIGHT OUT");
            assertThat(properties.workOrderTemplates()).isNotEmpty();
            assertThat(properties.webhook().url()).isNull();
        });
    }

    @Test
    void configuredProblemTypesReplaceTheDefaultSet() {
        host.withPropertyValues("civic311.simulators.cityworks.enabled=true",
                "civic311.simulators.cityworks.problems[0].problem-sid=7",
                "civic311.simulators.cityworks.problems[0].problem-code=ABANDONED VEHICLE",
                "civic311.simulators.cityworks.users.alice=secret").run(context -> {
            CityworksSimulatorProperties properties = context.getBean(CityworksSimulatorProperties.class);
            assertThat(properties.problems()).extracting(CityworksSimulatorProperties.ProblemType::problemCode)
                    .containsExactly("ABANDONED VEHICLE");
            assertThat(properties.users()).containsEntry("alice", "secret").containsEntry("demo", "demo");
        });
    }
}
