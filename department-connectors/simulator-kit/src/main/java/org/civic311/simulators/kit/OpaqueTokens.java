package org.civic311.simulators.kit;

import java.security.SecureRandom;
import java.util.Base64;

/** Random, URL-safe token strings: opaque to clients, as real systems' tokens are. */
public final class OpaqueTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueTokens() {
    }

    /** A new token of {@code bytes} random bytes, base64url without padding. */
    public static String next(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
