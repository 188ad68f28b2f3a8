package org.civic311.orchestrator.notification;

/**
 * A resident answered NO to "was it fixed?" while the question was open (published as a Spring application event, in
 * the transaction that stored the answer): the department gets the work again.
 *
 * @param round            which closure of the request the answer is about (1 for the first)
 * @param departmentTaskId the task whose work was not enough
 */
public record ResidentSaysNotFixed(long requestId, String trackingNumber, int round, long departmentTaskId) {
}
