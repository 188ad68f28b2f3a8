package org.civic311.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/**
 * The jar a city deploys carries the application and nothing of the demo: no department simulators (they accept
 * the well-known demo logins), no in-process mail server, no demo settings.
 */
class ProductionJarIT {

    @Test
    void theProductionJarHoldsNoSimulatorMailServerOrDemo() throws IOException {
        List<String> entries;
        try (JarFile jar = new JarFile(System.getProperty("civic311.jar"))) {
            entries = jar.stream().map(ZipEntry::getName).toList();
        }

        assertThat(entries).as("the application itself is there")
                .contains("BOOT-INF/classes/application.yml", "BOOT-INF/classes/processes/pothole.bpmn",
                        "BOOT-INF/classes/org/civic311/orchestrator/OrchestratorApplication.class")
                .anyMatch(e -> e.startsWith("BOOT-INF/lib/civic311-connector-cityworks-"));
        assertThat(entries)
                .noneMatch(e -> e.startsWith("BOOT-INF/lib/civic311-cityworks-simulator-"))
                .noneMatch(e -> e.startsWith("BOOT-INF/lib/civic311-accela-simulator-"))
                .noneMatch(e -> e.startsWith("BOOT-INF/lib/civic311-twilio-simulator-"))
                .noneMatch(e -> e.startsWith("BOOT-INF/lib/civic311-simulator-kit-"))
                .noneMatch(e -> e.startsWith("BOOT-INF/lib/greenmail"))
                .noneMatch(e -> e.contains("org/civic311/simulators/"))
                .noneMatch(e -> e.contains("com/icegreen/"))
                .noneMatch(e -> e.startsWith("BOOT-INF/classes/org/civic311/orchestrator/demo/"))
                .noneMatch(e -> e.endsWith("application-demo.yml"));
    }
}
