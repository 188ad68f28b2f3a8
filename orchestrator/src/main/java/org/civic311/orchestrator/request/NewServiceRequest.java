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
        Map<String, List<String>> attributes,
        NoticePreferences notices) {

    public NewServiceRequest {
        resident = resident == null ? Resident.ANONYMOUS : resident;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        notices = notices == null ? new NoticePreferences(null, NotifyBy.defaultFor(resident)) : notices;
    }

    /** A request whose resident hears back by the default channel, in the city's language. */
    public NewServiceRequest(String serviceCode, String description, Double lat, Double lon, String address,
                             String addressId, String zipcode, String mediaUrl, Resident resident, String channel,
                             Map<String, List<String>> attributes) {
        this(serviceCode, description, lat, lon, address, addressId, zipcode, mediaUrl, resident, channel, attributes,
                null);
    }
}
