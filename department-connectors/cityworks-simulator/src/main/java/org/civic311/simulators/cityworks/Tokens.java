package org.civic311.simulators.cityworks;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.civic311.simulators.kit.OpaqueTokens;
import org.civic311.simulators.kit.SimulatorClock;

/** Issued API tokens. Opaque strings, as real ones are to clients; an expired token is kept and refused. */
final class Tokens {

    private record Grant(String login, Instant expires) {
    }

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final SimulatorClock clock;

    Tokens(SimulatorClock clock) {
        this.clock = clock;
    }

    String issue(String login, Duration lifetime) {
        String token = OpaqueTokens.next(32);
        grants.put(token, new Grant(login, clock.now().plus(lifetime)));
        return token;
    }

    /** The login a token stands for, while it has not expired. */
    Optional<String> loginFor(String token) {
        Grant grant = token == null ? null : grants.get(token);
        if (grant == null || !clock.now().isBefore(grant.expires())) {
            return Optional.empty();
        }
        return Optional.of(grant.login());
    }

    void expireAll() {
        grants.replaceAll((token, grant) -> new Grant(grant.login(), Instant.MIN));
    }

    void clear() {
        grants.clear();
    }
}
