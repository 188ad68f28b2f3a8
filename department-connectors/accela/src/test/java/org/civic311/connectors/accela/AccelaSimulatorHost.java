package org.civic311.connectors.accela;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the tests run the Accela simulator in, on a random port. The agency it plays is configured in
 * {@code src/test/resources/application.yml}.
 */
@SpringBootApplication
class AccelaSimulatorHost {
}
