package org.civic311.simulators.accela;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** auth.accela.com: {@code POST /oauth2/token} and {@code GET /oauth2/tokeninfo}. */
@RestController
@RequestMapping("${civic311.simulators.accela.base-path:/sim/accela}/oauth2")
class OAuthController {

    private final AuthServer authServer;
    private final Tokens tokens;
    private final ApiCallerResolver callers;
    private final AgencyClock clock;

    OAuthController(AuthServer authServer, Tokens tokens, ApiCallerResolver callers, AgencyClock clock) {
        this.authServer = authServer;
        this.tokens = tokens;
        this.callers = callers;
        this.clock = clock;
    }

    @PostMapping("/token")
    ResponseEntity<JsonNode> token(@RequestHeader(name = "x-accela-appid", required = false) String appIdHeader,
                                   @RequestParam MultiValueMap<String, String> form,
                                   HttpServletRequest request) {
        if (!isForm(request.getContentType())) {
            throw OAuthError.invalidRequest("The request must be application/x-www-form-urlencoded.");
        }
        if (appIdHeader == null || appIdHeader.isBlank()) {
            throw OAuthError.invalidRequest("The request is missing the required header x-accela-appid.");
        }
        String clientId = form.getFirst("client_id");
        if (clientId != null && !clientId.equals(appIdHeader)) {
            throw OAuthError.invalidClient("client_id does not match the x-accela-appid header.");
        }
        String grantType = form.getFirst("grant_type");
        Tokens.Issued issued = switch (grantType == null ? "" : grantType) {
            case "password" -> authServer.passwordGrant(appIdHeader, form.getFirst("client_secret"),
                    form.getFirst("username"), form.getFirst("password"), form.getFirst("scope"),
                    form.getFirst("agency_name"), form.getFirst("environment"));
            case "refresh_token" -> authServer.refreshGrant(appIdHeader, form.getFirst("client_secret"),
                    form.getFirst("refresh_token"));
            case "" -> throw OAuthError.invalidRequest("The request is missing the required parameter grant_type.");
            default -> throw OAuthError.unsupportedGrantType("The grant type '" + grantType + "' is not supported.");
        };
        ObjectNode body = Envelope.JSON.objectNode()
                .put("access_token", issued.accessToken())
                .put("token_type", "bearer")
                // A string, as Accela sends it.
                .put("expires_in", String.valueOf(tokens.accessLifetime().toSeconds()))
                .put("refresh_token", issued.refreshToken())
                .put("scope", issued.grant().scope());
        String state = form.getFirst("state");
        if (state != null) {
            body.put("state", state);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .body(body);
    }

    /** Tells what a token was issued for; its errors come in the API envelope, as Accela documents. */
    @GetMapping("/tokeninfo")
    ResponseEntity<JsonNode> tokenInfo(HttpServletRequest request) {
        Grant grant = callers.verifyToken(request);
        ObjectNode body = Envelope.JSON.objectNode()
                .put("appId", grant.appId())
                .put("userId", grant.userId())
                .put("agencyName", grant.agency());
        ArrayNode scopes = body.putArray("scopes");
        grant.scopes().forEach(scopes::add);
        body.put("expiresIn", Math.max(0, grant.expiresAt().getEpochSecond() - clock.now().getEpochSecond()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static boolean isForm(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
