package org.civic311.simulators.cityworks;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A host application that only adds the dependency, as the orchestrator does. */
@SpringBootConfiguration
@EnableAutoConfiguration
class CityworksSimulatorTestApp {
}
