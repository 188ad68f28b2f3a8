package org.civic311.simulators.accela;

import org.civic311.simulators.kit.StandaloneSimulator;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The simulator on its own, as {@code java -jar civic311-accela-simulator-<version>-exec.jar}.
 * <p>
 * Reads {@code accela-simulator.yml} instead of {@code application.yml}, so an application that has this
 * jar on its classpath never picks the standalone settings up. No component scan: the auto-configuration
 * alone mounts the simulator, exactly as inside the orchestrator.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class AccelaSimulatorApplication {

    public static void main(String[] args) {
        StandaloneSimulator.run(AccelaSimulatorApplication.class, "accela-simulator", args);
    }
}
