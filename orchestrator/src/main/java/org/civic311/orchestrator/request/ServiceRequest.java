package org.civic311.orchestrator.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A resident's request, from intake to closure. The tracking number is what the resident is given.
 *
 * @param area        the configured service area (ward, district) its location falls in; null when unknown
 * @param duplicateOf the request this one is a duplicate of and follows; null for a request of its own
 * @param notices     the language the resident reads and how they want to hear back
 */
public record ServiceRequest(
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
        Resident resident,
        String channel,
        String department,
        String agencyResponsible,
        String serviceNotice,
        Instant requestedAt,
        Instant updatedAt,
        Instant expectedAt,
        Instant closedAt,
        Map<String, List<String>> attributes,
        String area,
        Long duplicateOf,
        NoticePreferences notices) {

}
