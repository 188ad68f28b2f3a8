package org.civic311.orchestrator.open311;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The two formats of every Open311 answer. The client chooses by the path's suffix ({@code services.xml},
 * {@code services.json}), never by headers, so a client sending an odd {@code Accept} still gets what it asked for.
 */
enum Format {

    JSON(new MediaType("application", "json", StandardCharsets.UTF_8)),
    XML(new MediaType("text", "xml", StandardCharsets.UTF_8));

    private final MediaType mediaType;

    Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    /** XML is the format the spec requires, so anything not asking for JSON is answered in XML. */
    static Format of(HttpServletRequest request) {
        String path = request.getRequestURI();
        int pathParameters = path.indexOf(';');
        return (pathParameters < 0 ? path : path.substring(0, pathParameters)).endsWith(".json") ? JSON : XML;
    }

    MediaType mediaType() {
        return mediaType;
    }

    ResponseEntity<Open311Body> ok(Open311Body body) {
        return answer(HttpStatus.OK, body);
    }

    ResponseEntity<Open311Body> answer(HttpStatusCode status, Open311Body body) {
        return answer(status, HttpHeaders.EMPTY, body);
    }

    ResponseEntity<Open311Body> answer(HttpStatusCode status, HttpHeaders headers, Open311Body body) {
        return ResponseEntity.status(status).headers(headers).contentType(mediaType).body(body);
    }
}
