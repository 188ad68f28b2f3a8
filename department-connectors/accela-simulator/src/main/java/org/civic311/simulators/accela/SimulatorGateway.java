package org.civic311.simulators.accela;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What stands in front of Accela's servers: it stamps every response with a trace id, answers 503 for
 * everything during an outage, and can lose the response to a record creation after the record was
 * committed, the way a gateway timeout does. Those two failures answer with the gateway's HTML page,
 * not Accela's JSON envelope, because Accela never saw or never answered the request.
 */
final class SimulatorGateway extends OncePerRequestFilter {

    static final String TRACE_ID = SimulatorGateway.class.getName() + ".traceId";
    static final String TRACE_ID_HEADER = "x-accela-traceId";

    private static final DateTimeFormatter TRACE_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmssSSS").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Faults faults;
    private final AgencyClock clock;
    private final String recordCreationPath;

    SimulatorGateway(Faults faults, AgencyClock clock, String basePath) {
        this.faults = faults;
        this.clock = clock;
        this.recordCreationPath = basePath + "/v4/records";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (faults.refuse()) {
            gatewayPage(response, 503, "Service Temporarily Unavailable");
            return;
        }
        // Like Accela's: yyMMddHHmmssSSS-xxxxxxxx, e.g. 260906171613821-4b814612.
        String traceId = TRACE_TIME.format(clock.now()) + "-" + String.format("%08x", RANDOM.nextInt());
        request.setAttribute(TRACE_ID, traceId);
        response.setHeader(TRACE_ID_HEADER, traceId);
        if (!isRecordCreation(request)) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, held);
        if (held.getStatus() == 200 && faults.loseThisResponse()) {
            response.reset();
            gatewayPage(response, 502, "Bad Gateway");
            return;
        }
        held.copyBodyToResponse();
    }

    private boolean isRecordCreation(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && recordCreationPath.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    private static void gatewayPage(HttpServletResponse response, int status, String reason) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        String title = status + " " + reason;
        byte[] page = ("<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n</body>\r\n</html>\r\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }
}
