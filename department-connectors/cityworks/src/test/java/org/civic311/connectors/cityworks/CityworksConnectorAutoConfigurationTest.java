package org.civic311.connectors.cityworks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.civic311.connectors.DepartmentConnector;
import org.civic311.connectors.tck.FailedSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What an operator sees when starting the orchestrator with or without the Cityworks connector configured. */
class CityworksConnectorAutoConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CityworksConnectorAutoConfiguration.class));

    final String[] complete = {
        "civic311.connectors.cityworks.enabled=true",
        "civic311.connectors.cityworks.base-url=https://cityworks.city.gov/cityworks",
        "civic311.connectors.cityworks.login-name=civic311",
        "civic311.connectors.cityworks.password=from-the-environment",
        "civic311.connectors.cityworks.zone=America/Chicago",
        "civic311.connectors.cityworks.token-placement=header",
        "civic311.connectors.cityworks.departments.urban-forestry.kind=service-request",
        "civic311.connectors.cityworks.departments.urban-forestry.dispatch-to-sid=42",
        "civic311.connectors.cityworks.departments.street-crews.kind=work-order",
        "civic311.connectors.cityworks.departments.street-crews.entity-type=STREET",
    };

    @Test
    void offUnlessEnabled() {
        runner.run(context -> assertThat(context).doesNotHaveBean(DepartmentConnector.class));
    }

    @Test
    void enabledAndConfiguredGivesTheCityworksSystem() {
        runner.withPropertyValues(complete).run(context -> {
            assertThat(context).hasSingleBean(DepartmentConnector.class).hasBean("cityworksConnector");
            assertThat(context.getBean(DepartmentConnector.class).system()).isEqualTo("cityworks");
            CityworksConnectorProperties properties = context.getBean(CityworksConnectorProperties.class);
            assertThat(properties.zone()).isEqualTo(ZoneId.of("America/Chicago"));
            assertThat(properties.tokenPlacement()).isEqualTo(CityworksConnectorProperties.TokenPlacement.HEADER);
            assertThat(properties.coordinates()).isEqualTo(CityworksConnectorProperties.Coordinates.WGS84);
            assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.workOrderTaskField()).isEqualTo("Text1");
            CityworksConnectorProperties.Department forestry = properties.departments().get("urban-forestry");
            assertThat(forestry.kind()).isEqualTo(CityworksConnectorProperties.Kind.SERVICE_REQUEST);
            assertThat(forestry.dispatchToSid()).isEqualTo(42L);
            assertThat(forestry.initiatedByApp()).isEqualTo("Civic311");
            CityworksConnectorProperties.Department crews = properties.departments().get("street-crews");
            assertThat(crews.kind()).isEqualTo(CityworksConnectorProperties.Kind.WORK_ORDER);
            assertThat(crews.entityType()).isEqualTo("STREET");
        });
    }

    @Test
    void byDefaultTheTokenGoesInTheHeaderAndTheField() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.cityworks.token-placement=")
                .run(context -> assertThat(context.getBean(CityworksConnectorProperties.class).tokenPlacement())
                        .isEqualTo(CityworksConnectorProperties.TokenPlacement.BOTH));
    }

    @Test
    void aSiteWithoutItsServerZoneStopsStartupNamingTheProperty() {
        runner.withPropertyValues(java.util.Arrays.stream(complete)
                        .filter(setting -> !setting.startsWith("civic311.connectors.cityworks.zone="))
                        .toArray(String[]::new))
                .run(context -> assertThat(FailedSettings.of(context.getStartupFailure()))
                        .containsExactly("civic311.connectors.cityworks.zone"));
    }

    @Test
    void aMissingBaseUrlStopsStartupNamingTheProperty() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.cityworks.base-url=")
                .run(context -> assertThat(FailedSettings.of(context.getStartupFailure()))
                        .containsExactly("civic311.connectors.cityworks.base-url"));
    }

    @Test
    void aBaseUrlThatIsNoWebAddressStopsStartup() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.cityworks.base-url=cityworks.city.gov")
                .run(context -> assertThat(FailedSettings.of(context.getStartupFailure()))
                        .containsExactly("civic311.connectors.cityworks.base-url"));
    }

    @Test
    void aMissingLoginStopsStartupNamingTheProperty() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.cityworks.login-name=")
                .run(context -> assertThat(FailedSettings.of(context.getStartupFailure()))
                        .containsExactly("civic311.connectors.cityworks.login-name"));
    }

    @Test
    void aMissingPasswordStopsStartupNamingBothWaysToGiveIt() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.cityworks.password=")
                .run(context -> assertThat(FailedSettings.of(context.getStartupFailure()))
                        .containsExactly("civic311.connectors.cityworks.password"));
    }

    @Test
    void thePasswordFileIsReadAtStart(@TempDir Path secrets) throws Exception {
        Path file = Files.writeString(secrets.resolve("password"), "from-a-secret-file\n");
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.cityworks.password=",
                        "civic311.connectors.cityworks.password-file=" + file)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(CityworksConnectorProperties.class).resolvePassword())
                            .isEqualTo("from-a-secret-file");
                });
    }

    @Test
    void aPasswordFileThatCannotBeReadStopsStartupNamingIt(@TempDir Path secrets) {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.cityworks.password=",
                        "civic311.connectors.cityworks.password-file=" + secrets.resolve("missing"))
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("civic311.connectors.cityworks.password-file")
                        .hasStackTraceContaining("cannot be read"));
    }

    @Test
    void aDepartmentNeedsNoMappingOfRequestTypesTheRoutingRulesNameTheWorkType() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.cityworks.departments.parks.submit-to-sid=7")
                .run(context -> assertThat(context.getBean(CityworksConnectorProperties.class).departments().get("parks")
                        .kind()).isEqualTo(CityworksConnectorProperties.Kind.SERVICE_REQUEST));
    }

    @Test
    void aWorkOrderDepartmentWithoutEntityTypeStopsStartupNamingTheProperty() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.cityworks.departments.street-crews.entity-type=")
                .run(context -> assertThat(FailedSettings.of(context.getStartupFailure()))
                        .containsExactly("civic311.connectors.cityworks.departments[street-crews].entity-type"));
    }

    @Test
    void noDepartmentAtAllStopsStartup() {
        runner.withPropertyValues("civic311.connectors.cityworks.enabled=true",
                        "civic311.connectors.cityworks.base-url=https://cityworks.city.gov/cityworks",
                        "civic311.connectors.cityworks.login-name=civic311",
                        "civic311.connectors.cityworks.password=secret",
                        "civic311.connectors.cityworks.zone=America/Chicago")
                .run(context -> assertThat(FailedSettings.of(context.getStartupFailure()))
                        .containsExactly("civic311.connectors.cityworks.departments"));
    }

    @Test
    void aTaskFieldOtherThanText1To20StopsStartup() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.cityworks.work-order-task-field=Text21")
                .run(context -> assertThat(FailedSettings.of(context.getStartupFailure()))
                        .containsExactly("civic311.connectors.cityworks.work-order-task-field"));
    }

    @Test
    void aDisabledConnectorAsksForNothing() {
        runner.withPropertyValues("civic311.connectors.cityworks.enabled=false", "civic311.connectors.cityworks.base-url=")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CityworksConnectorProperties.class));
    }
}
