package org.civic311.orchestrator.open311;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Answers the client with an Open311 error list and the spec's HTTP status. */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;
    private final List<Open311Error> errors;
    private final HttpHeaders headers;

    Open311Exception(HttpStatus status, List<Open311Error> errors) {
        this(status, errors, HttpHeaders.EMPTY);
    }

    private Open311Exception(HttpStatus status, List<Open311Error> errors, HttpHeaders headers) {
        super(errors.toString());
        this.status = status;
        this.errors = List.copyOf(errors);
        this.headers = headers;
    }

    static Open311Exception of(HttpStatus status, String description) {
        return new Open311Exception(status, List.of(new Open311Error(status.value(), description)));
    }

    /** 429, with the seconds to wait before writing again in {@code Retry-After}. */
    static Open311Exception tooManyRequests(String description, long retryAfterSeconds) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        return new Open311Exception(HttpStatus.TOO_MANY_REQUESTS,
                List.of(new Open311Error(HttpStatus.TOO_MANY_REQUESTS.value(), description)), headers);
    }

    HttpStatus status() {
        return status;
    }

    List<Open311Error> errors() {
        return errors;
    }

    HttpHeaders headers() {
        return headers;
    }
}
