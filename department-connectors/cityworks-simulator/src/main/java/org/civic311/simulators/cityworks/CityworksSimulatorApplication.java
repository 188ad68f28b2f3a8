package org.civic311.simulators.cityworks;

import org.civic311.simulators.kit.StandaloneSimulator;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the simulator on its own, for a city's integration testing:
 * {@code java -jar civic311-cityworks-simulator-<version>-exec.jar} serves {@code http://localhost:8081/cityworks/Services/...}.
 *
 * <p>Its settings come from {@code cityworks-simulator.yml} (plus the usual command-line and environment
 * overrides), never {@code application.yml}, so the file cannot leak into an application that uses
 * this module as a library.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class CityworksSimulatorApplication {

    public static void main(String[] args) {
        start(args);
    }

    static ConfigurableApplicationContext start(String... args) {
        return StandaloneSimulator.run(CityworksSimulatorApplication.class, "cityworks-simulator", args);
    }
}
