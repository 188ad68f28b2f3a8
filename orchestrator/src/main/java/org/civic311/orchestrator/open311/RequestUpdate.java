package org.civic311.orchestrator.open311;

import org.civic311.orchestrator.request.PublicUpdate;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of FixMyStreet's {@code GET servicerequestupdates}. */
record RequestUpdate(@JsonProperty("update_id") String updateId,
                     @JsonProperty("service_request_id") String serviceRequestId,
                     String status,
                     @JsonProperty("updated_datetime") String updatedDatetime,
                     String description) {

    static RequestUpdate of(PublicUpdate u, W3cTime time) {
        return new RequestUpdate(String.valueOf(u.id()), u.trackingNumber(), u.closed() ? "closed" : "open",
                time.format(u.at()), u.description());
    }
}
