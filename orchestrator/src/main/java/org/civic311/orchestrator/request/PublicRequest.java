package org.civic311.orchestrator.request;

import java.time.Instant;

/**
 * A service request as anyone may see it. It has no place for the resident or their answers, and is read by
 * queries that never select them: personal data cannot leave through here by mistake.
 *
 * @param parentTrackingNumber the request this one is a duplicate of and follows; null for a request of its own
 */
public record PublicRequest(
        long id,
        String trackingNumber,
        String serviceCode,
        String serviceName,
        RequestStatus status,
        String statusNotes,
        String description,
        Double lat,
        Double lon,
        String address,
        String addressId,
        String zipcode,
        String mediaUrl,
        String channel,
        String agencyResponsible,
        String serviceNotice,
        Instant requestedAt,
        Instant updatedAt,
        Instant expectedAt,
        String parentTrackingNumber) {
}
