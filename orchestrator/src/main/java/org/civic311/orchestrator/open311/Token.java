package org.civic311.orchestrator.open311;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to {@code GET tokens/{token}}. */
record Token(@JsonProperty("service_request_id") String serviceRequestId, String token) {
}
