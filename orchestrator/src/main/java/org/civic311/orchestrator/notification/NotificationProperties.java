package org.civic311.orchestrator.notification;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.civic311.connectors.Timeout;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How residents are written to. The mail server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from     the sender residents see, e.g. {@code 311@city.gov}
 * @param cityName how the city signs its messages
 * @param smtp     how long the mail server may take before a notice fails and is retried
 */
@ConfigurationProperties("civic311.notifications")
@Validated
public record NotificationProperties(
        @NotBlank(message = "the sender residents see on their notices, e.g. 311@city.gov") String from,
        @DefaultValue("Your city's 311 service") String cityName,
        @DefaultValue @Valid Smtp smtp) {

    /**
     * Timeouts of the residents' mail server ({@code spring.mail.host}). A relay that accepts the connection and never
     * answers would otherwise hold the job thread, and soon every job thread, for ever.
     */
    public record Smtp(
            @DefaultValue("10s") @Timeout Duration connectTimeout,
            @DefaultValue("30s") @Timeout Duration readTimeout,
            @DefaultValue("30s") @Timeout Duration writeTimeout) {
    }
}
