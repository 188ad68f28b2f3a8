package org.civic311.orchestrator.request;

import java.time.Instant;
import java.util.List;

/**
 * Which requests to list, newest first. An empty list or a null time does not filter; times are inclusive.
 *
 * @param offset how many matching requests to skip
 * @param limit  how many to return at most
 */
public record RequestQuery(List<String> trackingNumbers, List<String> serviceCodes, List<RequestStatus> statuses,
                           Instant requestedFrom, Instant requestedTo, Instant updatedFrom, Instant updatedTo,
                           int offset, int limit) {

    public RequestQuery {
        trackingNumbers = trackingNumbers == null ? List.of() : List.copyOf(trackingNumbers);
        serviceCodes = serviceCodes == null ? List.of() : List.copyOf(serviceCodes);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    public static RequestQuery byTrackingNumbers(List<String> trackingNumbers) {
        return new RequestQuery(trackingNumbers, null, null, null, null, null, null, 0, trackingNumbers.size());
    }
}
