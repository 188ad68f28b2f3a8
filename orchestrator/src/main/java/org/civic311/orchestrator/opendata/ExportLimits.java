package org.civic311.orchestrator.opendata;

import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * The downloads each client address may start, in this node's memory. Behind a proxy the address is the
 * resident's only with {@code server.forward-headers-strategy} set (docs/operations.md).
 */
final class ExportLimits {

    private final OpenDataProperties limit;
    private final Cache<String, Bucket> addresses;

    ExportLimits(OpenDataProperties limit) {
        this.limit = limit;
        this.addresses = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(limit.period()).build();
    }

    /** @return 0 when the download may start, else the seconds until it may */
    long secondsToWait(String address) {
        ConsumptionProbe probe = addresses.get(String.valueOf(address), a -> Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(limit.capacity())
                                .refillGreedy(limit.capacity(), limit.period()).build())
                        .build())
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0
                : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
    }
}
