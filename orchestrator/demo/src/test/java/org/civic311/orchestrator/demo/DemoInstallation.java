package org.civic311.orchestrator.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.civic311.orchestrator.OrchestratorApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A demo-profile installation (or cluster node) a test starts itself, on ports of its own. */
public final class DemoInstallation {

    private DemoInstallation() {
    }

    /**
     * @param settings as on the command line ({@code name=value}): they win over the demo profile's, as an
     *                 operator's would
     */
    public static ConfigurableApplicationContext start(int port, List<String> settings) {
        List<String> all = new ArrayList<>(List.of("server.port=" + port,
                "civic311.demo.mail-server.smtp-port=" + freePort(),
                "civic311.demo.mail-server.imap-port=" + freePort(),
                "camunda.bpm.job-execution.max-wait=1000"));
        all.addAll(settings);
        return new SpringApplicationBuilder(OrchestratorApplication.class).profiles("demo")
                .run(all.stream().map(setting -> "--" + setting).toArray(String[]::new));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
