package org.civic311.orchestrator.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The start: no file, the demo's file, a file that is not there, a file with a crossed boundary. */
class ServiceAreasConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(Properties.class, ServiceAreasConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ServiceAreaProperties.class)
    static class Properties {
    }

    @Test
    void withoutAFileNoRequestHasAnArea() {
        runner.run(context -> assertThat(context.getBean(ServiceAreas.class).nameAt(41.8837, -87.6324)).isNull());
    }

    @Test
    void theConfiguredFileIsReadAtStart() {
        runner.withPropertyValues("civic311.service-areas.file=file:" + GeoJsonAreasTest.DEMO_AREAS)
                .run(context -> assertThat(context.getBean(ServiceAreas.class).nameAt(41.8837, -87.6324))
                        .isEqualTo("Ward 42"));
    }

    @Test
    void aFileThatIsNotThereStopsTheStartNamingTheSetting(@TempDir Path dir) {
        runner.withPropertyValues("civic311.service-areas.file=file:" + dir.resolve("wards.geojson"))
                .run(context -> assertThat(context).getFailure()
                        .hasRootCauseInstanceOf(InvalidServiceAreas.class)
                        .rootCause().hasMessageContaining("civic311.service-areas.file")
                        .hasMessageContaining("wards.geojson").hasMessageContaining("cannot be read"));
    }

    @Test
    void aCrossedBoundaryStopsTheStartNamingTheFeature(@TempDir Path dir) throws Exception {
        Path wards = dir.resolve("wards.geojson");
        Files.writeString(wards, GeoJsonAreasTest.collection(GeoJsonAreasTest.feature("Ward 9",
                "[[[0,0],[10,10],[10,0],[0,10],[0,0]]]")));

        runner.withPropertyValues("civic311.service-areas.file=file:" + wards)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("civic311.service-areas.file")
                        .hasMessageContaining("feature 1 (\"Ward 9\") is not a valid polygon: Self-intersection"));
    }
}
