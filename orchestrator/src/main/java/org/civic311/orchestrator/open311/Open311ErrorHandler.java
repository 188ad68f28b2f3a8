package org.civic311.orchestrator.open311;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Every failure of the Open311 API answers in the spec's error shape and the format the path asks for: no stack
 * traces, no HTML pages. The spec's codes: 404 for what does not exist, 403 for the api_key, 400 for the rest,
 * including a failure of our own ("General service error").
 */
@RestControllerAdvice(basePackageClasses = Open311ErrorHandler.class)
class Open311ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(Open311ErrorHandler.class);

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<Open311Body> open311(Open311Exception e, HttpServletRequest request) {
        return Format.of(request).answer(e.status(), e.headers(), new Open311Body("errors", e.errors()));
    }

    @ExceptionHandler({MultipartException.class, HttpMessageNotReadableException.class, HttpMediaTypeException.class,
            ServletRequestBindingException.class, TypeMismatchException.class})
    ResponseEntity<Open311Body> unreadable(Exception e, HttpServletRequest request) {
        log.debug("Unreadable Open311 request {}", request.getRequestURI(), e);
        return answer(request, HttpStatus.BAD_REQUEST, List.of(new Open311Error(400,
                "The request could not be read. Send its arguments in the query string or as a form.")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Open311Body> unexpected(Exception e, HttpServletRequest request) {
        log.error("Open311 request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return answer(request, HttpStatus.BAD_REQUEST, List.of(new Open311Error(400,
                "General service error; nothing was changed. Try again later.")));
    }

    private static ResponseEntity<Open311Body> answer(HttpServletRequest request, HttpStatus status,
                                                      List<Open311Error> errors) {
        return Format.of(request).answer(status, new Open311Body("errors", errors));
    }
}
