package org.civic311.orchestrator.request;

/** An open request near a point, and how far from it. */
public record NearbyRequest(PublicRequest request, double metres) {
}
