package org.civic311.orchestrator.open311;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A client configured with a base URL ending in a slash calls {@code /open311/v2//services.json}. Under
 * {@code /open311/}, runs of slashes are served as one, for every method, so such a client works as it is. A path
 * the container will not forward to (escaped dot segments, {@code /open311//v2/%2e%2e/services.json}) is passed on
 * as it is, and answered as an unknown address of the API.
 */
@Component
class DoubledSlashes extends OncePerRequestFilter {

    private static final Pattern SLASHES = Pattern.compile("/{2,}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String single = SLASHES.matcher(path).replaceAll("/");
        RequestDispatcher forward = !single.equals(path) && single.startsWith("/open311/") && staysInTheApi(request)
                ? request.getRequestDispatcher(single) : null;
        if (forward != null) {
            // A forward keeps the method, the body and the query string's arguments.
            forward.forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The path as the container resolved it (slashes collapsed, dot segments and %-escapes applied), which the
     * forward resolves alike: {@code /open311//%2e%2e/engine-rest} is not the API's and is left alone.
     */
    private static boolean staysInTheApi(HttpServletRequest request) {
        String resolved = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return resolved.startsWith("/open311/");
    }
}
