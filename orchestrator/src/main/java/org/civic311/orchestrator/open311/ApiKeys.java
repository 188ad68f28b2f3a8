package org.civic311.orchestrator.open311;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The keys issued to client applications. Each names the intake channel its requests are recorded under. */
@Component
class ApiKeys {

    private final Open311Properties properties;

    ApiKeys(Open311Properties properties) {
        this.properties = properties;
    }

    /** @return the channel of the client holding {@code apiKey}; without a valid key, an Open311 403 */
    String channelOf(String apiKey) {
        if (apiKey == null) {
            throw Open311Exception.of(HttpStatus.FORBIDDEN, "api_key is required.");
        }
        String channel = properties.apiKeys().get(apiKey);
        if (channel == null) {
            throw Open311Exception.of(HttpStatus.FORBIDDEN, "api_key is not valid.");
        }
        return channel;
    }
}
