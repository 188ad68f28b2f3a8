package org.civic311.orchestrator.open311;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to {@code POST servicerequestupdates}: Civic311's id of the comment, as later listed by GET. */
record UpdateReceipt(@JsonProperty("update_id") String updateId) {
}
