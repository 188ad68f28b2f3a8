package org.civic311.orchestrator.open311;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to {@code POST requests}. Civic311 is realtime, so it carries the id and never a token.
 *
 * @param serviceNotice what happens next, in words
 * @param accountId     the submitter's own account id, echoed when they gave one
 */
record Submitted(@JsonProperty("service_request_id") String serviceRequestId,
                 @JsonProperty("service_notice") String serviceNotice,
                 @JsonProperty("account_id") String accountId) {
}
