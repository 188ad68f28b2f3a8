package org.civic311.orchestrator.open311;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

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
@ConfigurationProperties("civic311.open311.rate-limits")
record RateLimitProperties(Limit perKey, Limit perAddress, Integer maxAddresses, Map<String, KeyLimits> keys) {

    static final Limit DEFAULT_PER_KEY = new Limit(120, Duration.ofMinutes(1));
    static final Limit DEFAULT_PER_ADDRESS = new Limit(10, Duration.ofMinutes(1));

    RateLimitProperties {
        perKey = perKey == null ? DEFAULT_PER_KEY : perKey;
        perAddress = perAddress == null ? DEFAULT_PER_ADDRESS : perAddress;
        maxAddresses = maxAddresses == null ? 100_000 : maxAddresses;
        if (maxAddresses < 1) {
            throw new IllegalArgumentException("civic311.open311.rate-limits.max-addresses must be at least 1");
        }
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
    record Limit(int capacity, Duration period) {

        Limit {
            if (capacity < 1) {
                throw new IllegalArgumentException("a rate limit's capacity must be at least 1");
            }
            period = period == null ? Duration.ofMinutes(1) : period;
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit's period must be positive");
            }
        }
    }

    /** A key's own limits; either may be left out to keep the default. */
    record KeyLimits(Limit perKey, Limit perAddress) {
    }
}
