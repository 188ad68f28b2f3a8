package org.civic311.connectors.accela;

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

/** What an operator sees when starting the orchestrator with or without the Accela connector configured. */
class AccelaConnectorAutoConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AccelaConnectorAutoConfiguration.class));

    final String[] complete = {
        "civic311.connectors.accela.enabled=true",
        "civic311.connectors.accela.auth-url=https://auth.accela.com",
        "civic311.connectors.accela.api-url=https://apis.accela.com/",
        "civic311.connectors.accela.app-id=civic311-app",
        "civic311.connectors.accela.app-secret=app-secret-from-the-environment",
        "civic311.connectors.accela.username=civic311",
        "civic311.connectors.accela.password=password-from-the-environment",
        "civic311.connectors.accela.agency=ISLANDTON",
        "civic311.connectors.accela.environment=PROD",
        "civic311.connectors.accela.zone=America/Chicago",
        "civic311.connectors.accela.departments.code-enforcement.assigned-to-department=CIVIC311/CODE/ENFORCE/NA/NA/NA/NA",
    };

    @Test
    void offUnlessEnabled() {
        runner.withPropertyValues("civic311.connectors.accela.app-id=civic311-app")
                .run(context -> assertThat(context).doesNotHaveBean(DepartmentConnector.class));
    }

    @Test
    void enabledAndConfiguredGivesTheAccelaSystemWithoutCallingAccela() {
        runner.withPropertyValues(complete).run(context -> {
            assertThat(context).hasSingleBean(DepartmentConnector.class);
            assertThat(context).hasBean("accelaConnector");
            assertThat(context.getBean(DepartmentConnector.class).system()).isEqualTo("accela");
            AccelaConnectorProperties properties = context.getBean(AccelaConnectorProperties.class);
            assertThat(properties.scope()).isEqualTo("records");
            assertThat(properties.zone()).isEqualTo(ZoneId.of("America/Chicago"));
            assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.reportedChannel()).isEqualTo("Internet");
            assertThat(properties.contactType()).isEqualTo("Complainant");
            assertThat(properties.inProgressStatuses()).containsExactly("In Progress");
            AccelaConnectorProperties.Department department = properties.department("code-enforcement");
            assertThat(department.assignedToDepartment()).isEqualTo("CIVIC311/CODE/ENFORCE/NA/NA/NA/NA");
            assertThat(department.customForm().id()).isEqualTo("CIVIC311-INTAKE");
            assertThat(department.customForm().taskIdField()).isEqualTo("Civic311 Task ID");
        });
    }

    @Test
    void aServiceCodeWrittenWithoutBracketsIsFoundAll() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.accela.departments.code-enforcement.create-bodies.junk_debris"
                        + ".assigned-to-department=CIVIC311/CODE/DEBRIS/NA/NA/NA/NA")
                .run(context -> assertThat(context.getBean(AccelaConnectorProperties.class)
                        .department("code-enforcement").createBody("junk_debris").assignedToDepartment())
                        .isEqualTo("CIVIC311/CODE/DEBRIS/NA/NA/NA/NA"));
    }

    @Test
    void prioritiesCanBeRenamedOneByOne() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.accela.priorities.P1=Urgent")
                .run(context -> {
                    AccelaConnectorProperties properties = context.getBean(AccelaConnectorProperties.class);
                    assertThat(AccelaConnectorProperties.ConfiguredKey.find(properties.priorities(), "P1")).isEqualTo("Urgent");
                    assertThat(AccelaConnectorProperties.ConfiguredKey.find(properties.priorities(), "P3")).isEqualTo("Medium");
                });
    }

    @Test
    void secretsAreReadFromMountedFiles(@TempDir Path secrets) throws Exception {
        Path appSecret = Files.writeString(secrets.resolve("accela-app-secret"), "s3cret-from-file\n");
        Path password = Files.writeString(secrets.resolve("accela-password"), "pa55-from-file\n");

        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.accela.app-secret=", "civic311.connectors.accela.password=",
                        "civic311.connectors.accela.app-secret-file=" + appSecret,
                        "civic311.connectors.accela.password-file=" + password)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    AccelaConnectorProperties properties = context.getBean(AccelaConnectorProperties.class);
                    assertThat(properties.resolvedAppSecret()).isEqualTo("s3cret-from-file");
                    assertThat(properties.resolvedPassword()).isEqualTo("pa55-from-file");
                });
    }

    @Test
    void aMissingSecretFileStopsStartupNamingTheProperty(@TempDir Path secrets) {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.accela.password=",
                        "civic311.connectors.accela.password-file=" + secrets.resolve("not-mounted"))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("civic311.connectors.accela.password-file")
                        .hasMessageContaining("cannot be read"));
    }

    @Test
    void aSecretGivenTwiceStopsStartup(@TempDir Path secrets) throws Exception {
        Path appSecret = Files.writeString(secrets.resolve("accela-app-secret"), "other");

        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.accela.app-secret-file=" + appSecret)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("civic311.connectors.accela.app-secret and "
                                + "civic311.connectors.accela.app-secret-file are both set"));
    }

    @Test
    void aMissingSecretStopsStartupNamingBothWaysToGiveIt() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.accela.app-secret=")
                .run(context -> assertThat(FailedSettings.of(context.getStartupFailure()))
                        .containsExactly("civic311.connectors.accela.app-secret"));
    }

    @Test
    void aMissingAppIdStopsStartupNamingTheProperty() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.accela.app-id=")
                .run(context -> assertThat(FailedSettings.of(context.getStartupFailure()))
                        .containsExactly("civic311.connectors.accela.app-id"));
    }

    @Test
    void aMissingApiUrlStopsStartupNamingTheProperty() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.accela.api-url=")
                .run(context -> assertThat(FailedSettings.of(context.getStartupFailure()))
                        .containsExactly("civic311.connectors.accela.api-url"));
    }

    @Test
    void aDepartmentNeedsNoRecordTypesTheRoutingRulesNameThem() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.accela.departments.parks.assigned-to-department=CIVIC311/PARKS/NA/NA/NA/NA/NA")
                .run(context -> assertThat(context.getBean(AccelaConnectorProperties.class).department("parks")
                        .assignedToDepartment()).isEqualTo("CIVIC311/PARKS/NA/NA/NA/NA/NA"));
    }

    @Test
    void aDepartmentKeyThatIsNotSevenPartsStopsStartup() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.accela.departments.code-enforcement.assigned-to-department=CODE")
                .run(context -> assertThat(FailedSettings.of(context.getStartupFailure()))
                        .containsExactly("civic311.connectors.accela.departments[code-enforcement].assigned-to-department"));
    }

    @Test
    void aStructuredAddressWithoutCityAndStateStopsStartup() {
        runner.withPropertyValues(complete)
                .withPropertyValues("civic311.connectors.accela.departments.code-enforcement.create-body.address=STRUCTURED")
                .run(context -> assertThat(FailedSettings.of(context.getStartupFailure()))
                        .containsExactly("civic311.connectors.accela.departments[code-enforcement].create-body.address-complete"));
    }

    @Test
    void noDepartmentStopsStartup() {
        runner.withPropertyValues("civic311.connectors.accela.enabled=true",
                        "civic311.connectors.accela.auth-url=https://auth.accela.com",
                        "civic311.connectors.accela.api-url=https://apis.accela.com",
                        "civic311.connectors.accela.app-id=a", "civic311.connectors.accela.app-secret=s",
                        "civic311.connectors.accela.username=u", "civic311.connectors.accela.password=p",
                        "civic311.connectors.accela.agency=A", "civic311.connectors.accela.environment=PROD")
                .run(context -> assertThat(FailedSettings.of(context.getStartupFailure()))
                        .containsExactly("civic311.connectors.accela.departments"));
    }

    @Test
    void aDisabledConnectorAsksForNothing() {
        runner.withPropertyValues("civic311.connectors.accela.enabled=false", "civic311.connectors.accela.api-url=")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AccelaConnectorProperties.class));
    }
}
