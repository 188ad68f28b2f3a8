package org.civic311.orchestrator.sms;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code civic311.sms.*}: what every SMS setting shares. The provider's settings are {@link TwilioSmsProperties}.
 *
 * @param defaultRegion the city's region (ISO 3166 code): a phone number given without a country code is read as one
 *                      of this region's
 */
@ConfigurationProperties("civic311.sms")
@Validated
public record SmsProperties(
        @DefaultValue("US") @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter region code such as US")
        String defaultRegion) {
}
