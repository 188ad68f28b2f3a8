package org.civic311.orchestrator.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operations endpoints ({@code /actuator/*}: metrics, Prometheus) are for staff: the engine's users, with
 * their password (HTTP Basic), as in Tasklist and {@code /engine-rest}. The one exception is the health status,
 * which a load balancer asks for without a login: it says UP or DOWN and nothing more, unless staff log in, who
 * see each check's details. A login that fails is refused everywhere, health included.
 */
@Configuration(proxyBeanMethods = false)
class OperationsEndpointSecurity {

    static final String PREFIX = "/actuator";

    @Bean
    FilterRegistrationBean<StaffLogin> operationsEndpointLogin(IdentityService identity) {
        FilterRegistrationBean<StaffLogin> registration = new FilterRegistrationBean<>(new StaffLogin(identity));
        registration.setName("operations-endpoint-login");
        registration.addUrlPatterns(PREFIX + "/*", PREFIX);
        return registration;
    }

    static final class StaffLogin extends OncePerRequestFilter {

        private final IdentityService identity;

        StaffLogin(IdentityService identity) {
            this.identity = identity;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                if (isHealth(request)) {
                    chain.doFilter(request, response);
                } else {
                    refuse(response);
                }
                return;
            }
            String userId = checkedUser(header.substring(6).strip());
            if (userId == null) {
                refuse(response);
                return;
            }
            Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId).collect(Collectors.toSet());
            chain.doFilter(new StaffRequest(request, userId, groups), response);
        }

        private String checkedUser(String encoded) {
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            String userId = pair.substring(0, colon);
            return identity.checkPassword(userId, pair.substring(colon + 1)) ? userId : null;
        }

        private static boolean isHealth(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.equals(PREFIX + "/health") || path.startsWith(PREFIX + "/health/");
        }

        private static void refuse(HttpServletResponse response) throws IOException {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Civic311 staff\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Log in with a staff account.");
        }
    }

    /** The logged-in member of staff, as the actuator asks for them; their engine groups are their roles. */
    private static final class StaffRequest extends HttpServletRequestWrapper {

        private final Principal user;
        private final Set<String> groups;

        StaffRequest(HttpServletRequest request, String userId, Set<String> groups) {
            super(request);
            this.user = () -> userId;
            this.groups = groups;
        }

        @Override
        public Principal getUserPrincipal() {
            return user;
        }

        @Override
        public String getRemoteUser() {
            return user.getName();
        }

        @Override
        public boolean isUserInRole(String role) {
            return groups.contains(role);
        }
    }
}
