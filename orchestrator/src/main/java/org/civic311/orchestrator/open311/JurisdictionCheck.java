package org.civic311.orchestrator.open311;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code jurisdiction_id} is optional, as the spec allows for an endpoint serving one jurisdiction; one naming
 * another jurisdiction than the configured one is not found here. With none configured, any is accepted.
 */
final class JurisdictionCheck implements HandlerInterceptor {

    private final String jurisdictionId;

    JurisdictionCheck(String jurisdictionId) {
        this.jurisdictionId = jurisdictionId;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String given = request.getParameter("jurisdiction_id");
        if (jurisdictionId != null && given != null && !given.isBlank() && !given.strip().equalsIgnoreCase(jurisdictionId)) {
            throw Open311Exception.of(HttpStatus.NOT_FOUND, "jurisdiction_id '" + given.strip() + "' was not found.");
        }
        return true;
    }
}
