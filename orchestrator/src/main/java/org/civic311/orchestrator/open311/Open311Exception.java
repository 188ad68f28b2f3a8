package org.civic311.orchestrator.open311;

import java.util.List;

import org.springframework.http.HttpStatus;

/** Answers the client with an Open311 error list and the spec's HTTP status. */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;
    private final List<Open311Error> errors;

    Open311Exception(HttpStatus status, List<Open311Error> errors) {
        super(errors.toString());
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    static Open311Exception of(HttpStatus status, String description) {
        return new Open311Exception(status, List.of(new Open311Error(status.value(), description)));
    }

    HttpStatus status() {
        return status;
    }

    List<Open311Error> errors() {
        return errors;
    }
}
