package org.civic311.orchestrator.opendata;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How often one client address may download the open-data export: a token bucket of {@code capacity} downloads,
 * refilled gradually over {@code period}. An export of every request reads the whole table, so a client cannot
 * start them without end.
 */
@Validated
@ConfigurationProperties("civic311.open-data.exports-per-address")
record OpenDataProperties(
        @DefaultValue("10") @Min(value = 1, message = "must be at least 1 download") int capacity,
        @DefaultValue("1m") @NotNull @DurationMin(millis = 1, message = "must be positive, e.g. 1m") Duration period) {
}
