package org.civic311.connectors.cityworks;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Adds the Cityworks connector when {@code civic311.connectors.cityworks.enabled=true}. */
@AutoConfiguration
@ConditionalOnProperty(prefix = CityworksConnectorProperties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(CityworksConnectorProperties.class)
public class CityworksConnectorAutoConfiguration {

    @Bean
    CityworksConnector cityworksConnector(CityworksConnectorProperties properties) {
        return new CityworksConnector(properties);
    }
}
