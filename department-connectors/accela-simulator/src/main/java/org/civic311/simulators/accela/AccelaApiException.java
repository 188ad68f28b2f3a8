package org.civic311.simulators.accela;

/**
 * A refusal in Accela's API error envelope: {@code {"status","code","message","more","traceId"}}.
 * The codes are Accela's, so a client can branch on them as it would in production.
 */
final class AccelaApiException extends RuntimeException {

    final int status;
    final String code;
    final String more;

    AccelaApiException(int status, String code, String message, String more) {
        super(message);
        this.status = status;
        this.code = code;
        this.more = more;
    }

    static AccelaApiException badRequest(String message) {
        return new AccelaApiException(400, "bad_request", message, null);
    }

    static AccelaApiException badRequest(String message, String more) {
        return new AccelaApiException(400, "bad_request", message, more);
    }

    /** A field failed the agency's configuration: an unknown record type, status, form or field. */
    static AccelaApiException invalidData(String message) {
        return new AccelaApiException(400, "data_validation_error", message, null);
    }

    static AccelaApiException invalidData(String message, String more) {
        return new AccelaApiException(400, "data_validation_error", message, more);
    }

    /**
     * An agency's EMSE script run before the change (an ApplicationSubmitBefore event) rejected it: HTTP 500, and
     * nothing was saved. (A script failing after the change answers 200 with the code in the envelope.)
     */
    static AccelaApiException scriptRejected(String message) {
        return new AccelaApiException(500, "emse_error", message, null);
    }

    static AccelaApiException invalidToken(String message, String more) {
        return new AccelaApiException(401, "invalid_token", message, more);
    }

    static AccelaApiException notFound(String message) {
        return new AccelaApiException(404, "resource_not_found", message, null);
    }
}
