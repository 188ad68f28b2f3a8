package org.civic311.simulators.twilio;

import org.civic311.simulators.kit.StandaloneSimulator;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The simulator on its own, as {@code java -jar civic311-twilio-simulator-<version>-exec.jar}: serves
 * {@code http://localhost:8083/2010-04-01/Accounts/{AccountSid}/Messages.json}, with settings from
 * {@code twilio-simulator.yml}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TwilioSimulatorApplication {

    public static void main(String[] args) {
        start(args);
    }

    static ConfigurableApplicationContext start(String... args) {
        return StandaloneSimulator.run(TwilioSimulatorApplication.class, "twilio-simulator", args);
    }
}
