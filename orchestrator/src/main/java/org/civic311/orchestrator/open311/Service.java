package org.civic311.orchestrator.open311;

import org.civic311.orchestrator.catalog.RequestType;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of {@code GET services}. */
record Service(@JsonProperty("service_code") String serviceCode,
               @JsonProperty("service_name") String serviceName,
               String description,
               boolean metadata,
               String type,
               String keywords,
               String group) {

    /** Civic311 stores a request at once and answers with its id: every service is {@code realtime}. */
    static Service of(RequestType type) {
        return new Service(type.serviceCode(), type.serviceName(), type.description(), type.hasAttributes(),
                "realtime", String.join(",", type.keywords()), type.group());
    }
}
