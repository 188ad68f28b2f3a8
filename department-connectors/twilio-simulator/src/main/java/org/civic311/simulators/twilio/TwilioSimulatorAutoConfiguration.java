package org.civic311.simulators.twilio;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Serves the simulated Twilio account from the host application when {@code civic311.simulators.twilio.enabled=true};
 * adding the dependency alone changes nothing.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "civic311.simulators.twilio", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(TwilioSimulatorProperties.class)
@Import(MessagesController.class)
public class TwilioSimulatorAutoConfiguration {

    @Bean
    TwilioSimulator twilioSimulator(TwilioSimulatorProperties properties) {
        return new TwilioSimulator(properties);
    }
}
