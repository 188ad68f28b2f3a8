package org.civic311.simulators.cityworks;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.civic311.simulators.cityworks.CityworksSimulatorProperties.Unauthorized;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The HTTP face of the simulated site: every GET or POST under the base path. It answers the way the
 * real server does: HTTP 200 and an envelope whose Status says how it went, the single {@code data=}
 * parameter from the query or a form body, and the token as a {@code token=} field or an
 * {@code Authorization: cityworks <token>} header (from version 23 the header only). A site set to answer
 * {@code http-401} refuses a token or a login with HTTP 401 instead of Status 2 or 3.
 */
final class CityworksEndpoint implements HandlerFunction<ServerResponse> {

    private static final Logger log = LoggerFactory.getLogger(CityworksEndpoint.class);
    private static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);
    private static final String AUTHORIZATION_SCHEME = "cityworks ";

    private final CityworksSimulator simulator;
    private final CityworksServices services;
    private final String basePath;
    private final ObjectMapper json;
    private final CityworksSimulatorProperties properties;

    CityworksEndpoint(CityworksSimulator simulator, CityworksServices services, String basePath, ObjectMapper json,
                      CityworksSimulatorProperties properties) {
        this.simulator = simulator;
        this.properties = properties;
        this.services = services;
        this.basePath = basePath;
        this.json = json;
    }

    @Override
    public ServerResponse handle(ServerRequest request) {
        if (simulator.faults.refuse()) {
            return plain(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable");
        }
        String path = request.requestPath().pathWithinApplication().value().substring(basePath.length());
        Optional<CityworksServices.Route> route = services.find(path);
        if (route.isEmpty()) {
            // An unknown method is a routing miss on the real server, answered by IIS/ASP.NET with a
            // 404 page before any Cityworks code (and so any envelope) is involved.
            return plain(HttpStatus.NOT_FOUND, "Not Found: no Cityworks service at " + path);
        }
        simulator.called(route.get().service());
        Map<String, Object> envelope = answer(route.get(), request);
        if (route.get().creates() && simulator.faults.loseThisResponse()) {
            return plain(HttpStatus.BAD_GATEWAY, "Bad Gateway");
        }
        HttpStatus status = refusedAccess(envelope) && properties.unauthorized() == Unauthorized.HTTP_401
                ? HttpStatus.UNAUTHORIZED : HttpStatus.OK;
        return ServerResponse.status(status).contentType(JSON).body(write(envelope));
    }

    private static boolean refusedAccess(Map<String, Object> envelope) {
        Object status = envelope.get("Status");
        return status instanceof Integer code
                && (code == CityworksFault.UNAUTHORIZED || code == CityworksFault.INVALID_CREDENTIALS);
    }

    private Map<String, Object> answer(CityworksServices.Route route, ServerRequest request) {
        try {
            String login = route.anonymous() ? null : login(request);
            DataParameter data = DataParameter.parse(request.param("data").orElse(null), json, simulator.dates);
            Call call = new Call(route.service(), data, login);
            Object value = simulator.locked(() -> route.operation().handle(call));
            return Envelope.ok(value, call);
        } catch (CityworksFault fault) {
            return Envelope.failure(fault, route.service());
        } catch (RuntimeException unexpected) {
            log.warn("Cityworks simulator: {} failed", route.service(), unexpected);
            return Envelope.failure(CityworksFault.error(MessageCode.UNKNOWN_ERROR, unexpected.toString()), route.service());
        }
    }

    // Some clients send the token both ways; any valid one is enough. From version 23 the field is not read.
    private String login(ServerRequest request) {
        Optional<String> header = request.headers().header(HttpHeaders.AUTHORIZATION).stream()
                .filter(value -> value.regionMatches(true, 0, AUTHORIZATION_SCHEME, 0, AUTHORIZATION_SCHEME.length()))
                .map(value -> value.substring(AUTHORIZATION_SCHEME.length()).trim())
                .findFirst();
        Optional<String> field = properties.readsTokenField() ? request.param("token") : Optional.empty();
        if (Stream.of(header, field).flatMap(Optional::stream).allMatch(String::isBlank)) {
            throw CityworksFault.unauthorized("No token was supplied.");
        }
        return Stream.of(header, field)
                .flatMap(Optional::stream)
                .map(simulator.tokens::loginFor)
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> CityworksFault.unauthorized("The token is invalid or has expired."));
    }

    private String write(Map<String, Object> envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a Cityworks envelope", e);
        }
    }

    private static ServerResponse plain(HttpStatus status, String body) {
        return ServerResponse.status(status).contentType(MediaType.TEXT_PLAIN).body(body + "\n");
    }

    /** {@code /sim/cityworks/} and {@code sim/cityworks} both mean {@code /sim/cityworks}; blank is the root. */
    static String normalizedBasePath(String configured) {
        String path = configured == null ? "" : configured.trim();
        path = path.replaceAll("/+$", "");
        if (!path.isEmpty() && !path.startsWith("/")) {
            path = "/" + path;
        }
        return path;
    }
}
