package org.civic311.orchestrator.open311;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.springframework.web.servlet.HandlerInterceptor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits every write to the Open311 API (each POST) per api_key and per client address, with Bucket4j token
 * buckets held in this node's memory. Over a limit, the client is answered 429 with {@code Retry-After}. The
 * client address is the request's remote address: behind a reverse proxy, set
 * {@code server.forward-headers-strategy} so that it is the resident's, not the proxy's.
 */
final class WriteLimits implements HandlerInterceptor {

    private final Open311Properties open311;
    private final RateLimitProperties limits;
    /** Per valid api_key: as many as there are keys. */
    private final Cache<String, Bucket> keys;
    /** Per client address and api_key: bounded in number, forgotten once full again. */
    private final Cache<String, Bucket> addresses;

    WriteLimits(Open311Properties open311, RateLimitProperties limits) {
        this.open311 = open311;
        this.limits = limits;
        Duration idle = limits.longestPeriod();
        this.keys = Caffeine.newBuilder().expireAfterAccess(idle).build();
        this.addresses = Caffeine.newBuilder().maximumSize(limits.maxAddresses()).expireAfterAccess(idle).build();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        String given = request.getParameter("api_key");
        String apiKey = given != null && open311.apiKeys().containsKey(given.strip()) ? given.strip() : null;
        RateLimitProperties.KeyLimits own = limits.of(apiKey);
        take(addresses.get(clientOf(request.getRemoteAddr()) + " " + apiKey, a -> bucket(own.perAddress())),
                "Too many writes from your address; try again in %d seconds.");
        if (apiKey != null) {
            take(keys.get(apiKey, k -> bucket(own.perKey())),
                    "Too many writes with this api_key; try again in %d seconds.");
        }
        return true;
    }

    private static void take(Bucket bucket, String refusal) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw Open311Exception.tooManyRequests(refusal.formatted(seconds), seconds);
        }
    }

    private static Bucket bucket(RateLimitProperties.Limit limit) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(limit.capacity())
                .refillGreedy(limit.capacity(), limit.period()).build()).build();
    }

    /** An IPv6 client is its /64, which is what one household or device is given. */
    static String clientOf(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            // A literal address: no name is looked up.
            byte[] address = InetAddress.getByName(remoteAddress).getAddress();
            return address.length == 16 ? Arrays.toString(Arrays.copyOf(address, 8)) + "/64" : remoteAddress;
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }
}
