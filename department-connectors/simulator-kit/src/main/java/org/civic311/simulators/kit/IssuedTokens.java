package org.civic311.simulators.kit;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The tokens a simulated system has issued, each standing for a grant (who it was issued to and until when). Tokens
 * are random, URL-safe strings, opaque to clients as real ones are. An expired token is kept, so a client using it is
 * told it expired rather than that it never existed; whether a grant has expired is the grant's to say.
 *
 * @param <G> what a token stands for
 */
public final class IssuedTokens<G> {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, G> grants = new ConcurrentHashMap<>();
    private final int bytes;

    /** @param bytes the random bytes of each token, e.g. 32 */
    public IssuedTokens(int bytes) {
        this.bytes = bytes;
    }

    /** A new token for the grant. */
    public String issue(G grant) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        grants.put(token, grant);
        return token;
    }

    /** What the token stands for, expired or not; empty for a token never issued (or null). */
    public Optional<G> find(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(grants.get(token));
    }

    /**
     * Withdraws the token if it still stands for this grant: true for exactly one of several callers that race to use a
     * one-time token.
     */
    public boolean withdraw(String token, G grant) {
        return grants.remove(token, grant);
    }

    /** Changes every grant, e.g. to expire them all at once as time passing would. */
    public void changeAll(UnaryOperator<G> change) {
        grants.replaceAll((token, grant) -> change.apply(grant));
    }

    public void clear() {
        grants.clear();
    }
}
