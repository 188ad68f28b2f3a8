package org.civic311.orchestrator.request;

/** A request was stored; its request type's process starts in the same transaction. */
public record ServiceRequestSubmitted(long requestId, String trackingNumber, String serviceCode) {
}
