package org.civic311.orchestrator.routing;

import java.util.List;
import java.util.Map;

/** What the routing rules see of a service request. */
public class RoutingRequest {

    private final String serviceCode;
    private final Double lat;
    private final Double lon;
    private final String address;
    private final String zipcode;
    private final Map<String, List<String>> attributes;
    private final String area;

    public RoutingRequest(String serviceCode, Double lat, Double lon, String address, String zipcode,
                          Map<String, List<String>> attributes) {
        this(serviceCode, lat, lon, address, zipcode, attributes, null);
    }

    /** @param area the configured service area the location lies in; null when the request has no coordinates or lies outside */
    public RoutingRequest(String serviceCode, Double lat, Double lon, String address, String zipcode,
                          Map<String, List<String>> attributes, String area) {
        this.serviceCode = serviceCode;
        this.lat = lat;
        this.lon = lon;
        this.address = address;
        this.zipcode = zipcode;
        this.attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        this.area = area;
    }

    public String getServiceCode() { return serviceCode; }
    public Double getLat() { return lat; }
    public Double getLon() { return lon; }
    public String getAddress() { return address; }
    public String getZipcode() { return zipcode; }
    public Map<String, List<String>> getAttributes() { return attributes; }
    public String getArea() { return area; }

    /** Whether the resident answered the attribute {@code code} with {@code value} (case-insensitive). */
    public boolean answered(String code, String value) {
        return attributes.getOrDefault(code, List.of()).stream().anyMatch(value::equalsIgnoreCase);
    }
}
