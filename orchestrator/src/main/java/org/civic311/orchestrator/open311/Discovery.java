package org.civic311.orchestrator.open311;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.civic311.orchestrator.catalog.RequestType;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Open311 service discovery. Its {@code changeset} is the time the newest request type was deployed, so that
 * clients caching the service list and definitions know when to read them again.
 */
record Discovery(String changeset, String contact, @JsonProperty("key_service") String keyService,
                 List<Endpoint> endpoints) {

    static final String GEOREPORT_V2 = "http://wiki.open311.org/GeoReport_v2";

    static Discovery of(Open311Properties properties, List<RequestType> requestTypes, String url) {
        // UTC, so that the text sorts the way the times do, as the spec asks of a changeset.
        String changeset = DateTimeFormatter.ISO_INSTANT.format(requestTypes.stream().map(RequestType::deployedAt)
                .max(Instant::compareTo).orElse(Instant.EPOCH).truncatedTo(ChronoUnit.SECONDS));
        return new Discovery(changeset, properties.contact(), properties.keyService(), List.of(new Endpoint(
                GEOREPORT_V2, url, changeset, properties.endpointType(),
                List.of("text/xml", "application/json"))));
    }

    record Endpoint(String specification, String url, String changeset, String type, List<String> formats) {
    }
}
