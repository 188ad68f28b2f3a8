package org.civic311.orchestrator.routing;

/** Which department does the work, in which of its systems, how urgently. Filled in by the routing rules. */
public class RoutingDecision {

    private String department;
    private String system;
    private String priority;
    private String workType;

    public void routeTo(String department, String system, String priority) {
        routeTo(department, system, priority, null);
    }

    /**
     * @param workType the department system's own kind of work: a Cityworks problem code or work-order template, an
     *                 Accela record type; none (null) where the system has none (email), also when given blank, as
     *                 a decision table's empty cell gives it
     */
    public void routeTo(String department, String system, String priority, String workType) {
        this.department = department;
        this.system = system;
        this.priority = priority;
        this.workType = workType == null || workType.isBlank() ? null : workType;
    }

    public boolean isRouted() { return department != null; }
    public String getDepartment() { return department; }
    public String getSystem() { return system; }
    public String getPriority() { return priority; }
    public String getWorkType() { return workType; }

    @Override
    public String toString() {
        return department + " via " + system + " at " + priority;
    }
}
