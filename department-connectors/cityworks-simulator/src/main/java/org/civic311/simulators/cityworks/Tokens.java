package org.civic311.simulators.cityworks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.civic311.simulators.kit.IssuedTokens;
import org.civic311.simulators.kit.SimulatorClock;

/** Issued API tokens. Opaque strings, as real ones are to clients; an expired token is kept and refused. */
final class Tokens {

    private record Grant(String login, Instant expires) {
    }

    private final IssuedTokens<Grant> grants = new IssuedTokens<>(32);
    private final SimulatorClock clock;

    Tokens(SimulatorClock clock) {
        this.clock = clock;
    }

    String issue(String login, Duration lifetime) {
        return grants.issue(new Grant(login, clock.now().plus(lifetime)));
    }

    /** The login a token stands for, while it has not expired. */
    Optional<String> loginFor(String token) {
        return grants.find(token).filter(grant -> clock.now().isBefore(grant.expires())).map(Grant::login);
    }

    void expireAll() {
        grants.changeAll(grant -> new Grant(grant.login(), Instant.MIN));
    }

    void clear() {
        grants.clear();
    }
}
