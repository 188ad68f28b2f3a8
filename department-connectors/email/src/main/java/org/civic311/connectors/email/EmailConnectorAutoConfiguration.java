package org.civic311.connectors.email;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Adds the email connector when {@code civic311.connectors.email.enabled=true}. */
@AutoConfiguration
@ConditionalOnProperty(prefix = EmailConnectorProperties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(EmailConnectorProperties.class)
public class EmailConnectorAutoConfiguration {

    @Bean
    EmailConnector emailConnector(EmailConnectorProperties properties) {
        return new EmailConnector(properties);
    }
}
