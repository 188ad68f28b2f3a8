package org.civic311.orchestrator.open311;

import java.util.Map;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param apiKeys        the keys issued to client applications, each naming the intake channel it reports through
 *                       ({@code web}, {@code mobile}, {@code phone}, {@code police}, {@code liaison}). Keys are
 *                       secrets: give them in a YAML file or {@code SPRING_APPLICATION_JSON} from the secret store (an environment
 *                       variable per key would lower-case it).
 * @param jurisdictionId the city's jurisdiction_id, e.g. {@code springfield.gov}; unset, any jurisdiction_id is accepted
 * @param contact        service discovery: how to reach the people running the API
 * @param keyService     service discovery: how a client application gets an API key
 * @param endpointType   service discovery: {@code production}, or {@code test} for an endpoint whose requests
 *                       nobody acts on
 * @param commentMaxLength the longest comment a resident may add to a request ({@code POST servicerequestupdates})
 * @param nearbyMaxRadius  the largest radius, in metres, of a nearby search ({@code GET requests} with lat, long,
 *                         radius)
 */
@Validated
@ConfigurationProperties("civic311.open311")
record Open311Properties(Map<String, String> apiKeys, String jurisdictionId, String contact, String keyService,
                         String endpointType,
                         @DefaultValue("2000") @Min(value = 1, message = "must be at least 1 character")
                         int commentMaxLength,
                         @DefaultValue("1000") @Min(value = 1, message = "must be at least 1 metre")
                         int nearbyMaxRadius) {

    Open311Properties {
        apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
        jurisdictionId = jurisdictionId == null || jurisdictionId.isBlank() ? null : jurisdictionId.strip();
        contact = contact == null ? "Ask the city's 311 office." : contact;
        keyService = keyService == null ? "The city's 311 office issues one API key per client application." : keyService;
        endpointType = endpointType == null ? "production" : endpointType;
    }
}
