package org.civic311.orchestrator.request;

import java.util.List;
import java.util.Map;

/** A resident's report as received, already validated. */
public record NewServiceRequest(
        String serviceCode,
        String description,
        Double lat,
        Double lon,
        String address,
        String addressId,
        String zipcode,
        String mediaUrl,
        Resident resident,
        String channel,
        Map<String, List<String>> attributes) {

    public NewServiceRequest {
        resident = resident == null ? Resident.ANONYMOUS : resident;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
