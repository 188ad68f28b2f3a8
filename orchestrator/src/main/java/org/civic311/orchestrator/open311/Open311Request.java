package org.civic311.orchestrator.open311;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.civic311.orchestrator.request.ServiceRequest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A service request as the public sees it. Deliberately holds no personal data: no name, email, phone,
 * account or device id can leave through here.
 */
record Open311Request(
        @JsonProperty("service_request_id") String serviceRequestId,
        String status,
        @JsonProperty("status_notes") String statusNotes,
        @JsonProperty("service_name") String serviceName,
        @JsonProperty("service_code") String serviceCode,
        String description,
        @JsonProperty("agency_responsible") String agencyResponsible,
        @JsonProperty("service_notice") String serviceNotice,
        @JsonProperty("requested_datetime") String requestedDatetime,
        @JsonProperty("updated_datetime") String updatedDatetime,
        @JsonProperty("expected_datetime") String expectedDatetime,
        String address,
        @JsonProperty("address_id") String addressId,
        String zipcode,
        Double lat,
        @JsonProperty("long") Double lon,
        @JsonProperty("media_url") String mediaUrl) {

    /** W3C datetime with the city's offset, as the spec asks. */
    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    static Open311Request of(ServiceRequest r, ZoneId zone) {
        return new Open311Request(r.trackingNumber(), r.status().open311(), r.statusNotes(), r.serviceName(),
                r.serviceCode(), r.description(), r.agencyResponsible(), r.serviceNotice(),
                w3c(r.requestedAt(), zone), w3c(r.updatedAt(), zone), w3c(r.expectedAt(), zone),
                r.address(), r.addressId(), r.zipcode(), r.lat(), r.lon(), r.mediaUrl());
    }

    static String w3c(Instant instant, ZoneId zone) {
        return instant == null ? null : W3C.format(instant.atZone(zone));
    }
}
