package org.civic311.orchestrator.workflow;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Admin webapp lets anyone create the first administrator while the engine has none (its setup page and
 * {@code /api/admin/setup/…}). The administrator comes from the settings instead, so both answer 404, always.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminSetupClosed extends OncePerRequestFilter {

    private final Pattern setup;

    AdminSetupClosed(@Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
        String webapp = Pattern.quote(applicationPath);
        this.setup = Pattern.compile(webapp + "/app/admin/[^/]+/setup(/.*)?|" + webapp + "/api/admin/setup(/.*)?");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The decoded and normalised path (no "//", "/./", ";jsessionid" or %-escapes to slip past the pattern).
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (setup.matcher(path).matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
