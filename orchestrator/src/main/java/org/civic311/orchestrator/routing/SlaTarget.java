package org.civic311.orchestrator.routing;

/** How long the department has. Filled in by the service-level rules. */
public class SlaTarget {

    private int amount;
    private SlaUnit unit;

    public void within(int amount, SlaUnit unit) {
        this.amount = amount;
        this.unit = unit;
    }

    public boolean isSet() { return unit != null; }
    public int getAmount() { return amount; }
    public SlaUnit getUnit() { return unit; }

    @Override
    public String toString() {
        return amount + " " + unit;
    }
}
