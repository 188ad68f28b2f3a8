package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.RequestDispatcher;

/** Collapsing slashes forwards within the Open311 API only, whatever dot segments or escapes the path holds. */
class DoubledSlashesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/open311/v2//services.json,               /open311/v2/services.json, /open311/v2/services.json",
            "//open311//v2/requests//SR-1.xml,         /open311/v2/requests/SR-1.xml, /open311/v2/requests/SR-1.xml",
            "/open311//%2e%2e/engine-rest/deployment,  /engine-rest/deployment,",
            "/open311//../camunda/app/admin/,          /camunda/app/admin/,",
            "/open311/v2/services.json,                /open311/v2/services.json,"})
    void forwardsDoubledSlashesToTheSinglePathUnderOpen311Only(String uri, String resolved, String forwardedTo)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setServletPath(resolved);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new DoubledSlashes().doFilter(request, response, chain);

        assertThat(response.getForwardedUrl()).isEqualTo(forwardedTo);
        assertThat(chain.getRequest()).as("passed on as it is").isEqualTo(forwardedTo == null ? request : null);
    }

    @Test
    void aPathTheContainerWillNotForwardToIsPassedOnAsItIs() throws Exception {
        // Tomcat has no dispatcher for a path with escaped dot segments.
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/open311//v2/%2e%2e/services.json") {
            @Override
            public RequestDispatcher getRequestDispatcher(String path) {
                return null;
            }
        };
        request.setServletPath("/open311/services.json");
        MockFilterChain chain = new MockFilterChain();

        new DoubledSlashes().doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isEqualTo(request);
    }
}
