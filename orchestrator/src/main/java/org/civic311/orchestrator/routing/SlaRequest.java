package org.civic311.orchestrator.routing;

/** What the service-level rules see: the request type and the priority routing gave it. */
public class SlaRequest {

    private final String serviceCode;
    private final String department;
    private final String priority;

    public SlaRequest(String serviceCode, String department, String priority) {
        this.serviceCode = serviceCode;
        this.department = department;
        this.priority = priority;
    }

    public String getServiceCode() { return serviceCode; }
    public String getDepartment() { return department; }
    public String getPriority() { return priority; }
}
