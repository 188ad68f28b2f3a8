package org.civic311.orchestrator.open311;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many writes (POSTs) the Open311 API takes from one client. Each limit is a token bucket: {@code capacity}
 * writes at once, refilled gradually over {@code period}.
 *
 * @param perKey       what one client application (one api_key) may write, from all its users together
 * @param perAddress   what one client address may write with one api_key, or without a valid one
 * @param maxAddresses how many client addresses are followed at once; beyond that the least recently seen is
 *                     forgotten (its bucket starts full again), which bounds the memory used
 * @param keys         other limits for particular api_keys, e.g. a call centre's server, whose writes all come
 *                     from one address
 */
@Validated
@ConfigurationProperties("civic311.open311.rate-limits")
record RateLimitProperties(
        @Valid Limit perKey,
        @Valid Limit perAddress,
        @DefaultValue("100000") @Min(value = 1, message = "must be at least 1") int maxAddresses,
        Map<String, @NotNull @Valid KeyLimits> keys) {

    static final Limit DEFAULT_PER_KEY = new Limit(120, Duration.ofMinutes(1));
    static final Limit DEFAULT_PER_ADDRESS = new Limit(10, Duration.ofMinutes(1));

    RateLimitProperties {
        perKey = perKey == null ? DEFAULT_PER_KEY : perKey;
        perAddress = perAddress == null ? DEFAULT_PER_ADDRESS : perAddress;
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }

    /** The limits of {@code apiKey}; the defaults for null or a key without limits of its own. */
    KeyLimits of(String apiKey) {
        KeyLimits own = apiKey == null ? null : keys.get(apiKey);
        return new KeyLimits(own == null || own.perKey() == null ? perKey : own.perKey(),
                own == null || own.perAddress() == null ? perAddress : own.perAddress());
    }

    /** The longest period of any limit: a bucket left alone that long is full again, as good as a new one. */
    Duration longestPeriod() {
        return Stream.concat(Stream.of(perKey, perAddress), keys.values().stream()
                        .flatMap(k -> Stream.of(k.perKey(), k.perAddress())))
                .filter(l -> l != null).map(Limit::period).max(Duration::compareTo).orElseThrow();
    }

    /** {@code capacity} writes, refilled gradually over {@code period} (one minute unless given). */
    record Limit(
            @Min(value = 1, message = "must be at least 1 write") int capacity,
            @DefaultValue("1m") @NotNull @DurationMin(millis = 1, message = "must be positive, e.g. 1m") Duration period) {
    }

    /** A key's own limits; either may be left out to keep the default. */
    record KeyLimits(@Valid Limit perKey, @Valid Limit perAddress) {
    }
}
