package org.civic311.simulators.accela;

import java.time.Instant;
import java.util.List;

/**
 * What a token stands for: which app, user, agency and environment it was issued to, its scopes, and
 * when it stops working. API calls are checked against it.
 */
record Grant(String appId, String userId, String agency, String environment, List<String> scopes, Instant expiresAt) {

    Grant {
        scopes = List.copyOf(scopes);
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    Grant expiringAt(Instant instant) {
        return new Grant(appId, userId, agency, environment, scopes, instant);
    }

    String scope() {
        return String.join(" ", scopes);
    }
}
