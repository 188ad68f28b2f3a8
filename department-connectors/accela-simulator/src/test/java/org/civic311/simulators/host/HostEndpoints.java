package org.civic311.simulators.host;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A host application's own endpoint and catch-all error handling, in a package of its own as a host's would be. */
@TestConfiguration(proxyBeanMethods = false)
@Import({HostEndpoints.HostController.class, HostEndpoints.HostErrors.class})
public class HostEndpoints {

    @RestController
    static class HostController {
        @GetMapping("/host/fails")
        String fails() {
            throw new IllegalStateException("host failure");
        }
    }

    @RestControllerAdvice
    static class HostErrors {
        @ExceptionHandler(Exception.class)
        ResponseEntity<String> any(Exception e) {
            return ResponseEntity.status(HttpStatus.I_AM_A_TEAPOT).body("host");
        }
    }
}
