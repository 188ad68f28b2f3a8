package org.civic311.simulators.accela;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** The simulator appears only when enabled, and refuses to start on configuration that cannot work. */
class AutoConfigurationTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, AccelaSimulatorAutoConfiguration.class));

    @Test
    void offUnlessEnabled() {
        web.run(context -> assertThat(context).doesNotHaveBean(AccelaSimulator.class));
    }

    @Test
    void onWhenEnabled() {
        web.withPropertyValues("civic311.simulators.accela.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(AccelaSimulator.class));
    }

    @Test
    void neverInANonWebApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AccelaSimulatorAutoConfiguration.class))
                .withPropertyValues("civic311.simulators.accela.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(AccelaSimulator.class));
    }

    @Test
    void aWorkflowWhoseLastTaskCannotCloseTheRecordIsRefused() {
        web.withPropertyValues("civic311.simulators.accela.enabled=true",
                        "civic311.simulators.accela.workflow.process-code=X",
                        "civic311.simulators.accela.workflow.tasks[0].name=Investigation",
                        "civic311.simulators.accela.workflow.tasks[0].statuses[0].value=Done",
                        "civic311.simulators.accela.workflow.tasks[0].statuses[0].completes-task=true",
                        "civic311.simulators.accela.workflow.tasks[0].statuses[0].record-status=In Progress")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("must be a CLOSED or COMPLETE record status"));
    }

    @Test
    void anUnknownRecordStatusIsRefused() {
        web.withPropertyValues("civic311.simulators.accela.enabled=true",
                        "civic311.simulators.accela.initial-status=Submitted")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("Submitted"));
    }

    @Test
    void recordTypesAreConfigurable() {
        web.withPropertyValues("civic311.simulators.accela.enabled=true",
                        "civic311.simulators.accela.record-types[0].value=ServiceRequest/Streets/Pothole/NA",
                        "civic311.simulators.accela.record-types[0].custom-id-prefix=ST")
                .run(context -> assertThat(context.getBean(RecordCatalog.class).types())
                        .extracting(RecordType::id).containsExactly("ServiceRequest-Streets-Pothole-NA"));
    }
}
