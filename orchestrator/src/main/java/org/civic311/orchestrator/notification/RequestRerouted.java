package org.civic311.orchestrator.notification;

/**
 * Published (as a Spring application event, inside the transaction that changed it, after the request names its new
 * department) when another department takes a request's work: its resident is told who does it now, once per
 * department.
 *
 * @param requestId the request's id
 */
public record RequestRerouted(long requestId) {
}
