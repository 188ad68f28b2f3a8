package org.civic311.simulators.accela;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The rules of auth.accela.com's token endpoint for agency apps: which app, user, agency and environment
 * may get a token, and refreshing one.
 */
final class AuthServer {

    private final AccelaSimulatorProperties agency;
    private final Tokens tokens;

    AuthServer(AccelaSimulatorProperties agency, Tokens tokens) {
        this.agency = agency;
        this.tokens = tokens;
    }

    /** The password grant a server-to-server integration uses. */
    Tokens.Issued passwordGrant(String appId, String clientSecret, String username, String password,
                                String scope, String agencyName, String environment) {
        checkClient(appId, clientSecret);
        require(agencyName, "agency_name");
        require(environment, "environment");
        if (!agency.agency().equalsIgnoreCase(agencyName)) {
            throw OAuthError.invalidRequest("Invalid agency_name '" + agencyName + "'.");
        }
        String knownEnvironment = agency.environments().stream()
                .filter(environment::equalsIgnoreCase)
                .findFirst()
                .orElseThrow(() -> OAuthError.invalidRequest(
                        "Invalid environment '" + environment + "' for agency " + agency.agency() + "."));
        require(username, "username");
        require(password, "password");
        AccelaSimulatorProperties.User user = agency.users().stream()
                .filter(candidate -> candidate.username().equalsIgnoreCase(username))
                .findFirst()
                .filter(candidate -> candidate.password().equals(password))
                .orElseThrow(() -> OAuthError.invalidGrant("Invalid username or password."));
        require(scope, "scope");
        List<String> scopes = Arrays.stream(scope.trim().split("\\s+")).distinct().toList();
        // Civic Platform user ids are upper case (ADMIN, MDEVELOPER); records show them as createdBy.
        String userId = user.username().toUpperCase(Locale.ROOT);
        return tokens.issue(new Grant(appId, userId, agency.agency(), knownEnvironment, scopes, null));
    }

    Tokens.Issued refreshGrant(String appId, String clientSecret, String refreshToken) {
        checkClient(appId, clientSecret);
        require(refreshToken, "refresh_token");
        return tokens.refresh(refreshToken, appId);
    }

    private void checkClient(String appId, String clientSecret) {
        agency.apps().stream()
                .filter(app -> app.id().equals(appId) && app.secret().equals(clientSecret))
                .findFirst()
                .orElseThrow(() -> OAuthError.invalidClient("Invalid client_id or client_secret."));
    }

    private static void require(String value, String parameter) {
        if (value == null || value.isBlank()) {
            throw OAuthError.invalidRequest("The request is missing the required parameter " + parameter + ".");
        }
    }
}
