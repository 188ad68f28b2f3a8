package org.civic311.simulators.cityworks;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** {@code General/Authentication}: trade a login for a token, and check a token. */
final class AuthenticationApi {

    private final Tokens tokens;
    private final CityworksSimulatorProperties properties;

    AuthenticationApi(Tokens tokens, CityworksSimulatorProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    /** {@code Authenticate {LoginName, Password, Expires?}} → {@code {Token}}; a bad login is Status 3. */
    Object authenticate(Call call) {
        String loginName = call.data.text("LoginName").orElse("");
        String password = call.data.text("Password").orElse("");
        String login = knownLogin(loginName, password).orElseThrow(CityworksFault::invalidCredentials);
        // Expires is taken as milliseconds, the unit walker/cityworks passes (1209600000 = two weeks).
        Duration lifetime = call.data.number("Expires").filter(ms -> ms > 0).map(Duration::ofMillis)
                .orElse(properties.tokenLifetime());
        return Map.of("Token", tokens.issue(login, lifetime));
    }

    /** {@code Validate {Token}} → true while the token is known and unexpired. Needs no token itself. */
    Object validate(Call call) {
        return call.data.text("Token").flatMap(tokens::loginFor).isPresent();
    }

    // Login names match case-insensitively, as Windows-backed logins do; passwords exactly.
    private Optional<String> knownLogin(String loginName, String password) {
        return properties.users().entrySet().stream()
                .filter(user -> user.getKey().equalsIgnoreCase(loginName.trim()))
                .filter(user -> user.getValue() != null && !user.getValue().isBlank() && user.getValue().equals(password))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
