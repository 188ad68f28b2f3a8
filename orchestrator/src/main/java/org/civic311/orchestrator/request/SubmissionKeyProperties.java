package org.civic311.orchestrator.request;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Open311 API's {@code Idempotency-Key}s, as the requests they make are taken in.
 *
 * @param idempotencyKeyLifetime how long a client's key answers the request it made; then it is forgotten
 */
@Validated
@ConfigurationProperties("civic311.open311")
record SubmissionKeyProperties(
        @DefaultValue("24h") @NotNull
        @DurationMin(minutes = 1, message = "must be at least a minute, e.g. 24h") Duration idempotencyKeyLifetime) {
}
