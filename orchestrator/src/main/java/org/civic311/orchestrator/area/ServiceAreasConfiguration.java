package org.civic311.orchestrator.area;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ServiceAreasConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ServiceAreasConfiguration.class);

    /** Read once at start; a file that is not valid polygons stops the start with a message naming the feature. */
    @Bean
    ServiceAreas serviceAreas(ServiceAreaProperties properties) {
        if (properties.file() == null) {
            return ServiceAreas.NONE;
        }
        String source = "civic311.service-areas.file (" + properties.file().getDescription() + ")";
        try (InputStream in = properties.file().getInputStream()) {
            ServiceAreas areas = new GeoJsonAreas(source, properties.nameProperty()).read(in);
            log.info("{} service areas from {}", areas.size(), source);
            return areas;
        } catch (IOException e) {
            throw new InvalidServiceAreas(source + " cannot be read: " + e.getMessage());
        }
    }
}
