package org.civic311.simulators.accela;

/**
 * A refusal from the token endpoint, in RFC 6749's shape rather than the API envelope:
 * {@code {"error","error_description","error_uri","state"}}.
 */
final class OAuthError extends RuntimeException {

    final int status;
    final String error;

    private OAuthError(int status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    /** Unknown app, wrong secret, or an app id that differs from the x-accela-appid header. */
    static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description);
    }

    /** Wrong user name or password, or a refresh token that is unknown, used or expired. */
    static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description);
    }

    static OAuthError unsupportedGrantType(String description) {
        return new OAuthError(400, "unsupported_grant_type", description);
    }
}
