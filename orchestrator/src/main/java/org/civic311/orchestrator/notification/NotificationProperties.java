package org.civic311.orchestrator.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How residents are written to. The mail server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from      the sender residents see, e.g. {@code 311@city.gov}
 * @param cityName  how the city signs its messages
 */
@ConfigurationProperties("civic311.notifications")
public record NotificationProperties(String from, String cityName) {

    public NotificationProperties {
        cityName = cityName == null ? "Your city's 311 service" : cityName;
    }
}
