package org.civic311.orchestrator.request;

/** A request is no duplicate any more: its request type's process starts, as for a new request. */
public record DuplicateUnlinked(long requestId, String trackingNumber, String serviceCode) {
}
