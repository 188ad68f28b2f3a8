package org.civic311.simulators.accela;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns refusals into Accela's error shapes. Scoped to this package's controllers, so a host application's
 * own controllers keep their own error handling; first in order, so a host's catch-all advice cannot answer
 * for the simulator.
 */
@RestControllerAdvice(basePackageClasses = AccelaSimulator.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(AccelaApiException.class)
    ResponseEntity<JsonNode> refused(AccelaApiException e, HttpServletRequest request) {
        return envelope(e.status, e.code, e.getMessage(), e.more, request);
    }

    @ExceptionHandler(OAuthError.class)
    ResponseEntity<JsonNode> refused(OAuthError e, HttpServletRequest request) {
        ObjectNode body = Envelope.JSON.objectNode()
                .put("error", e.error)
                .put("error_description", e.getMessage())
                .putNull("error_uri");
        String state = request.getParameter("state");
        if (state == null) {
            body.putNull("state");
        } else {
            body.put("state", state);
        }
        return ResponseEntity.status(e.status)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .body(body);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<JsonNode> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return envelope(400, "bad_request", "The request body is not valid JSON.", null, request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<JsonNode> unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return envelope(400, "bad_request", "Unsupported content type " + e.getContentType() + ".",
                "Send the request body as application/json.", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<JsonNode> failed(Exception e, HttpServletRequest request) {
        log.error("Accela simulator failed on {} {}", request.getMethod(), request.getRequestURI(), e);
        return envelope(500, "internal_server_error", "An internal server error occurred.", null, request);
    }

    private static ResponseEntity<JsonNode> envelope(int status, String code, String message, String more,
                                                     HttpServletRequest request) {
        String traceId = (String) request.getAttribute(SimulatorGateway.TRACE_ID);
        ObjectNode body = Envelope.JSON.objectNode()
                .put("status", status)
                .put("code", code)
                .put("message", message);
        if (more == null) {
            body.putNull("more");
        } else {
            body.put("more", more);
        }
        body.put("traceId", traceId);
        // apis.accela.com mirrors the code and message into headers as well.
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .header("x-accela-resp-code", code)
                .header("x-accela-resp-message", message.replaceAll("\\p{Cntrl}", " "))
                .body(body);
    }
}
