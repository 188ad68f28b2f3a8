package org.civic311.simulators.accela;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.civic311.simulators.kit.IssuedTokens;

/**
 * The access and refresh tokens the simulated auth server has issued. Tokens outlive {@link Records#reset()}:
 * they belong to the auth server, not to the agency's data.
 */
final class Tokens {

    /** A pair of tokens just issued for one grant. */
    record Issued(String accessToken, String refreshToken, Grant grant) {
    }

    private final IssuedTokens<Grant> accessTokens = new IssuedTokens<>(48);
    private final IssuedTokens<Grant> refreshTokens = new IssuedTokens<>(48);
    private final AgencyClock clock;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;

    Tokens(AgencyClock clock, Duration accessLifetime, Duration refreshLifetime) {
        this.clock = clock;
        this.accessLifetime = accessLifetime;
        this.refreshLifetime = refreshLifetime;
    }

    Duration accessLifetime() {
        return accessLifetime;
    }

    /** Issues a fresh access token and a fresh refresh token for the grant. */
    Issued issue(Grant who) {
        Instant now = clock.now();
        Grant access = who.expiringAt(now.plus(accessLifetime));
        String accessToken = accessTokens.issue(access);
        String refreshToken = refreshTokens.issue(who.expiringAt(now.plus(refreshLifetime)));
        return new Issued(accessToken, refreshToken, access);
    }

    /**
     * Trades a refresh token for new tokens. A refresh token works once: even two concurrent refreshes
     * with the same token get one success between them.
     */
    Issued refresh(String refreshToken, String appId) {
        Grant grant = refreshTokens.find(refreshToken).orElse(null);
        if (grant == null) {
            throw OAuthError.invalidGrant("The refresh token is invalid or has already been used.");
        }
        if (!grant.appId().equals(appId)) {
            throw OAuthError.invalidGrant("The refresh token was issued to another app.");
        }
        if (grant.expiredAt(clock.now())) {
            refreshTokens.withdraw(refreshToken, grant);
            throw OAuthError.invalidGrant("The refresh token has expired.");
        }
        if (!refreshTokens.withdraw(refreshToken, grant)) {
            throw OAuthError.invalidGrant("The refresh token is invalid or has already been used.");
        }
        return issue(grant);
    }

    Optional<Grant> find(String accessToken) {
        return accessTokens.find(accessToken);
    }

    /** Makes every access token expired, as an hour passing would; refresh tokens keep working. */
    void expireAccessTokens() {
        Instant past = clock.now().minusSeconds(1);
        accessTokens.changeAll(grant -> grant.expiringAt(past));
    }

    /** Makes every access and refresh token expired, as a week passing would: clients must log in again. */
    void expireAll() {
        expireAccessTokens();
        Instant past = clock.now().minusSeconds(1);
        refreshTokens.changeAll(grant -> grant.expiringAt(past));
    }
}
