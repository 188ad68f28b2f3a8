package org.civic311.connectors.cityworks;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A web application that serves nothing but the Cityworks simulator, the way a city's server would. */
@SpringBootConfiguration
@EnableAutoConfiguration
class SimulatorHost {
}
