package org.civic311.orchestrator.notification;

/**
 * A resident answered "was it fixed?" (published as a Spring application event, in the transaction that stored the
 * answer). A NO sends the work back to the department.
 *
 * @param round which closure of the request the answer is about (1 for the first)
 */
public record ResidentAnswered(long requestId, int round, boolean fixed) {
}
