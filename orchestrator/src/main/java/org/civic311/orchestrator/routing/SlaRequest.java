package org.civic311.orchestrator.routing;

import java.util.List;
import java.util.Map;

/** What the service-level rules see: the request type, where it is, the resident's answers and the routing. */
public class SlaRequest {

    private final String serviceCode;
    private final String department;
    private final String priority;
    private final String zipcode;
    private final Map<String, List<String>> attributes;

    public SlaRequest(String serviceCode, String department, String priority) {
        this(serviceCode, department, priority, null, Map.of());
    }

    public SlaRequest(String serviceCode, String department, String priority, String zipcode,
                      Map<String, List<String>> attributes) {
        this.serviceCode = serviceCode;
        this.department = department;
        this.priority = priority;
        this.zipcode = zipcode;
        this.attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public String getServiceCode() { return serviceCode; }
    public String getDepartment() { return department; }
    public String getPriority() { return priority; }
    /** The area, as far as the request says: its ZIP code, or null. */
    public String getZipcode() { return zipcode; }
    public Map<String, List<String>> getAttributes() { return attributes; }

    /** Whether the resident answered the attribute {@code code} with {@code value} (case-insensitive). */
    public boolean answered(String code, String value) {
        return attributes.getOrDefault(code, List.of()).stream().anyMatch(value::equalsIgnoreCase);
    }
}
