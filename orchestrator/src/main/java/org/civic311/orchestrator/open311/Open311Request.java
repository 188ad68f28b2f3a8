package org.civic311.orchestrator.open311;

import java.util.List;

import org.civic311.orchestrator.request.PublicRequest;
import org.civic311.orchestrator.request.RequestNote;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A service request as the public sees it, in {@code GET requests} and {@code GET requests/{id}}. Deliberately
 * holds no personal data: no name, email, phone, account or device id can leave through here.
 *
 * @param notes              {@code extensions=true} only: the request's public history
 * @param extendedAttributes {@code extensions=true} only
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
        @JsonProperty("media_url") String mediaUrl,
        List<Note> notes,
        @JsonProperty("extended_attributes") ExtendedAttributes extendedAttributes) {

    /**
     * @param notes the request's history when the client asked for the extensions, else null
     */
    static Open311Request of(PublicRequest r, W3cTime time, List<RequestNote> notes) {
        return new Open311Request(r.trackingNumber(), r.status().open311(), r.statusNotes(), r.serviceName(),
                r.serviceCode(), r.description(), r.agencyResponsible(), r.serviceNotice(),
                time.format(r.requestedAt()), time.format(r.updatedAt()), time.format(r.expectedAt()),
                r.address(), r.addressId(), r.zipcode(), r.lat(), r.lon(), r.mediaUrl(),
                notes == null ? null : notes.stream().map(n -> new Note(time.format(n.at()), n.description(), n.type())).toList(),
                notes == null ? null
                        : new ExtendedAttributes(r.channel(), r.parentTrackingNumber() != null, r.parentTrackingNumber()));
    }

    /** One step of the update-history extension. */
    record Note(String datetime, String description, String type) {
    }

    /**
     * The extended-attributes extension: how the request came in and, with Chicago's names, whether it duplicates
     * another request and which.
     *
     * @param parentServiceRequestId the request it duplicates and follows; absent for a request of its own
     */
    record ExtendedAttributes(String channel, boolean duplicate,
                              @JsonProperty("parent_service_request_id") String parentServiceRequestId) {
    }
}
