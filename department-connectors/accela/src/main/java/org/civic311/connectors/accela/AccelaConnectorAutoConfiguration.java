package org.civic311.connectors.accela;

import org.civic311.connectors.KnownWorkItems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Adds the Accela connector when {@code civic311.connectors.accela.enabled=true}. */
@AutoConfiguration
@ConditionalOnProperty(prefix = AccelaConnectorProperties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(AccelaConnectorProperties.class)
public class AccelaConnectorAutoConfiguration {

    @Bean
    AccelaConnector accelaConnector(AccelaConnectorProperties properties, ObjectProvider<KnownWorkItems> known) {
        return new AccelaConnector(properties, known.getIfAvailable(() -> KnownWorkItems.NONE));
    }
}
