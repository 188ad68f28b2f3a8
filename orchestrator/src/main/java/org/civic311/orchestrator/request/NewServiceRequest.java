package org.civic311.orchestrator.request;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.civic311.orchestrator.catalog.RequestType;

/** A resident's report as received, already validated against its request type. */
public record NewServiceRequest(
        RequestType type,
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
        Objects.requireNonNull(type, "type");
        resident = resident == null ? Resident.ANONYMOUS : resident;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        notices = notices == null ? new NoticePreferences(null, NotifyBy.defaultFor(resident)) : notices;
    }

    /** A request whose resident hears back by the default channel, in the city's language. */
    public NewServiceRequest(RequestType type, String description, Double lat, Double lon, String address,
                             String addressId, String zipcode, String mediaUrl, Resident resident, String channel,
                             Map<String, List<String>> attributes) {
        this(type, description, lat, lon, address, addressId, zipcode, mediaUrl, resident, channel, attributes,
                null);
    }

    public String serviceCode() {
        return type.serviceCode();
    }
}
