package org.civic311.orchestrator.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.civic311.orchestrator.OrchestratorApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A demo-profile installation (or cluster node) a test starts itself, on ports of its own. */
public final class DemoInstallation {

    /** Below Linux's default range for outgoing connections (32768 to 60999). */
    private static final int FIRST_PORT = 20_000;
    private static final int LAST_PORT = 32_767;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

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

    /**
     * A port no server listens on, from below the kernel's range for outgoing connections: a port the kernel
     * handed out (as {@code new ServerSocket(0)} does) can be taken by any outgoing connection, to the
     * database or a simulator, before the server that was meant to listen on it starts. Never the same port
     * twice in one test run.
     */
    public static synchronized int freePort() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST_PORT, LAST_PORT + 1);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                HANDED_OUT.add(port);
                return port;
            } catch (IOException taken) {
                // someone listens there: try another
            }
        }
        throw new IllegalStateException("No free port between " + FIRST_PORT + " and " + LAST_PORT);
    }
}
