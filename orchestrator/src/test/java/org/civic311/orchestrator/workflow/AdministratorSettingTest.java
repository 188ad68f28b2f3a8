package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;

import org.civic311.orchestrator.OrchestratorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A production start without an administrator stops, and says which setting is missing, as for any setting. */
@ExtendWith(OutputCaptureExtension.class)
class AdministratorSettingTest {

    @Test
    void withoutAnAdministratorPasswordTheApplicationDoesNotStart(CapturedOutput output) {
        assertThat(messages(start("--civic311.admin.id=cityops", "--civic311.admin.password="))).isNotEmpty();

        assertThat(output).contains("Setting civic311.admin.password is missing: the password of the engine's first"
                + " administrator: give password, or password-file (a mounted secret). See docs/configuration.md");
    }

    @Test
    void withoutAnAdministratorIdTheApplicationDoesNotStart(CapturedOutput output) {
        assertThat(messages(start("--civic311.admin.id=", "--civic311.admin.password=s3cret"))).isNotEmpty();

        assertThat(output).contains("Setting civic311.admin.id is missing: the user id of the engine's first"
                + " administrator (Cockpit, Admin, /engine-rest), e.g. cityops. See docs/configuration.md");
    }

    @Test
    void anIdTheEngineCannotStoreStopsTheStartToo() {
        assertThat(messages(start("--civic311.admin.id=city ops", "--civic311.admin.password=s3cret")))
                .anyMatch(m -> m.contains("civic311.admin") && m.contains("'id'"));
    }

    /** The e2e settings (everything else a start needs) with the administrator's settings overridden. */
    static Throwable start(String... administrator) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=e2e",
                "--spring.datasource.url=jdbc:h2:mem:no-admin;DB_CLOSE_DELAY=-1"));
        args.addAll(List.of(administrator));
        return catchThrowable(() -> new SpringApplicationBuilder(OrchestratorApplication.class)
                .web(WebApplicationType.NONE).run(args.toArray(String[]::new)).close());
    }

    static List<String> messages(Throwable failure) {
        assertThat(failure).as("the application refused to start").isNotNull();
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }
}
