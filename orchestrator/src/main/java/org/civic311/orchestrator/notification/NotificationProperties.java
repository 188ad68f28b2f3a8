package org.civic311.orchestrator.notification;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.civic311.connectors.Timeout;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How residents are written to. The mail server itself is Spring Boot's {@code spring.mail.*}; the text provider is
 * the {@code SmsSender} the application is given.
 *
 * @param from              the sender residents see, e.g. {@code 311@city.gov}
 * @param cityName          how the city signs its messages
 * @param smtp              how long the mail server may take before a notice fails and is retried
 * @param defaultLanguage   the language of residents who named none the notices offer (BCP 47, e.g. {@code en})
 * @param templateDirectory a directory whose template and message files replace the built-in ones of the same name,
 *                          read while running: the city edits its wording without a new release
 * @param publicUrl         where residents reach this application, for the links in notices
 *                          (e.g. {@code https://311.city.gov})
 * @param followUpDelay     how long after closure the resident is asked whether the work fixed it
 * @param answerWindow      how long the question stays open
 * @param sendInterval      how often stored notices that are due are sent
 * @param retryDelays       the waits between tries of a notice that failed, the last one repeated
 * @param giveUpAfter       how long after its event a failing notice is still tried; the first failure after that
 *                          leaves it failed for good
 * @param sendLease         how long a node holds the notices it took to send: longer than any send may take (the
 *                          mail timeouts); a node that dies holding notices delays them this long
 */
@ConfigurationProperties("civic311.notifications")
@Validated
public record NotificationProperties(
        @NotBlank(message = "the sender residents see on their notices, e.g. 311@city.gov") String from,
        @DefaultValue("Your city's 311 service") String cityName,
        @DefaultValue @Valid Smtp smtp,
        @DefaultValue("en") @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                message = "a BCP 47 language tag, e.g. en or es") String defaultLanguage,
        Path templateDirectory,
        @NotNull(message = "where residents reach Civic311, e.g. https://311.city.gov: the \"was it fixed?\" links"
                + " in notices start with it") URI publicUrl,
        @DefaultValue("P3D") @NotNull Duration followUpDelay,
        @DefaultValue("P30D") @NotNull Duration answerWindow,
        @DefaultValue("5s") @NotNull Duration sendInterval,
        @DefaultValue({"1m", "5m", "15m", "1h", "2h", "4h"}) @NotEmpty List<Duration> retryDelays,
        @DefaultValue("75h") @NotNull Duration giveUpAfter,
        @DefaultValue("5m") @NotNull @DurationMin(seconds = 1, message = "must be at least a second, longer than a"
                + " send may take: a node would hold no notice it sends, and another could send it too") Duration sendLease) {

    /**
     * Timeouts of the residents' mail server ({@code spring.mail.host}). A relay that accepts the connection and never
     * answers would otherwise hold the sending thread for ever.
     */
    public record Smtp(
            @DefaultValue("10s") @Timeout Duration connectTimeout,
            @DefaultValue("30s") @Timeout Duration readTimeout,
            @DefaultValue("30s") @Timeout Duration writeTimeout) {
    }
}
