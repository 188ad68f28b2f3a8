package org.civic311.orchestrator.open311;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiKeys the keys issued to client applications, each naming the intake channel it reports through
 *                ({@code web}, {@code mobile}, {@code phone}, {@code police}, {@code liaison}). Keys are secrets:
 *                set them through the environment, e.g. {@code CIVIC311_OPEN311_APIKEYS_<KEY>=web}.
 */
@ConfigurationProperties("civic311.open311")
record Open311Properties(Map<String, String> apiKeys) {

    Open311Properties {
        apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
    }
}
