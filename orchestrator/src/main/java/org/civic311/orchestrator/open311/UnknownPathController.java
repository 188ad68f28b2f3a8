package org.civic311.orchestrator.open311;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whatever no other mapping under {@code /open311/} takes, so that it too is answered in Open311's error shape
 * rather than by the servlet container's error page.
 */
@RestController
class UnknownPathController {

    @RequestMapping("/open311/**")
    void unknown(HttpServletRequest request) {
        if ("GET".equals(request.getMethod()) || "POST".equals(request.getMethod())) {
            throw Open311Exception.of(HttpStatus.NOT_FOUND, "There is no " + request.getMethod() + " "
                    + request.getRequestURI() + ". The API's methods are listed at /open311/discovery.xml.");
        }
        throw Open311Exception.of(HttpStatus.BAD_REQUEST, "Open311 has no " + request.getMethod() + " method.");
    }
}
