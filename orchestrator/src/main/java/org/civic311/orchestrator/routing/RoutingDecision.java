package org.civic311.orchestrator.routing;

/** Which department does the work, in which of its systems, how urgently. Filled in by the routing rules. */
public class RoutingDecision {

    private String department;
    private String system;
    private String priority;

    public void routeTo(String department, String system, String priority) {
        this.department = department;
        this.system = system;
        this.priority = priority;
    }

    public boolean isRouted() { return department != null; }
    public String getDepartment() { return department; }
    public String getSystem() { return system; }
    public String getPriority() { return priority; }

    @Override
    public String toString() {
        return department + " via " + system + " at " + priority;
    }
}
