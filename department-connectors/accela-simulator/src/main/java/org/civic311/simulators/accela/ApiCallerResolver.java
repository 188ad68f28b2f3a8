package org.civic311.simulators.accela;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Checks an API call's credentials the way apis.accela.com does: the raw access token in Authorization,
 * and x-accela-appid, x-accela-agency and x-accela-environment matching what the token was issued for.
 * <p>
 * "Bearer &lt;token&gt;" is refused (invalid_token): Accela documents the raw token, and every known
 * client sends it raw. Refusing the prefix here means a client that passes against the simulator sends
 * the one form Accela is known to accept.
 */
final class ApiCallerResolver implements HandlerMethodArgumentResolver {

    /** Every operation the simulator serves is in the "records" scope. */
    private static final String RECORDS_SCOPE = "records";

    private final Tokens tokens;
    private final AgencyClock clock;

    ApiCallerResolver(Tokens tokens, AgencyClock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ApiCaller.class;
    }

    @Override
    public ApiCaller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
                                     WebDataBinderFactory binderFactory) {
        return new ApiCaller(verify(webRequest.getNativeRequest(HttpServletRequest.class)));
    }

    private Grant verify(HttpServletRequest request) {
        String token = request.getHeader("Authorization");
        String appId = request.getHeader("x-accela-appid");
        if (isBlank(token) && isBlank(appId)) {
            // Word for word what apis.accela.com answers a request with neither.
            throw AccelaApiException.badRequest("App ID or access token is required.",
                    "Please set App ID to request HTTP header 'x-accela-appid' for anonymous access, "
                            + "or set access token to request HTTP header 'Authorization' for authenticated access.");
        }
        Grant grant = verifyToken(request);
        requireMatch(appId, grant.appId(), "x-accela-appid", false);
        requireMatch(request.getHeader("x-accela-agency"), grant.agency(), "x-accela-agency", true);
        requireMatch(request.getHeader("x-accela-environment"), grant.environment(), "x-accela-environment", true);
        if (!grant.scopes().contains(RECORDS_SCOPE)) {
            throw new AccelaApiException(403, "forbidden", "The current request is forbidden.",
                    "The access token was not issued for the '" + RECORDS_SCOPE + "' scope.");
        }
        return grant;
    }

    /** The grant behind the Authorization header: present, known and not expired. */
    Grant verifyToken(HttpServletRequest request) {
        String token = request.getHeader("Authorization");
        if (isBlank(token)) {
            throw new AccelaApiException(401, "no_token", "A token is required for the current request.",
                    "Set the access token in the HTTP header 'Authorization'.");
        }
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw AccelaApiException.invalidToken("The current token is invalid.",
                    "Send the access token itself in the 'Authorization' header, without a 'Bearer ' prefix.");
        }
        Grant grant = tokens.find(token.strip())
                .orElseThrow(() -> AccelaApiException.invalidToken("The current token is invalid.", null));
        if (grant.expiredAt(clock.now())) {
            throw new AccelaApiException(401, "token_expired", "The current token is expired.",
                    "Refresh the access token and try again.");
        }
        return grant;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static void requireMatch(String sent, String issued, String header, boolean ignoreCase) {
        boolean matches = sent != null && (ignoreCase ? issued.equalsIgnoreCase(sent.strip()) : issued.equals(sent.strip()));
        if (!matches) {
            throw AccelaApiException.invalidToken("The current token is invalid.",
                    isBlank(sent)
                            ? "The HTTP header '" + header + "' is required."
                            : "The HTTP header '" + header + "' does not match the access token.");
        }
    }
}
