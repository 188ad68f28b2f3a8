package org.civic311.orchestrator.open311;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every failure of the Open311 API answers in the spec's error shape: no stack traces, no HTML pages. */
@RestControllerAdvice(basePackageClasses = Open311ErrorHandler.class)
class Open311ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(Open311ErrorHandler.class);

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<List<Open311Error>> open311(Open311Exception e) {
        return ResponseEntity.status(e.status()).body(e.errors());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<List<Open311Error>> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(HttpStatus.BAD_REQUEST, "Send the request as application/x-www-form-urlencoded.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<List<Open311Error>> method(HttpRequestMethodNotSupportedException e) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<List<Open311Error>> unexpected(Exception e) {
        log.error("Open311 request failed", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "General service error; the request was not stored. Try again later.");
    }

    private static ResponseEntity<List<Open311Error>> answer(HttpStatus status, String description) {
        return ResponseEntity.status(status).body(List.of(new Open311Error(status.value(), description)));
    }
}
