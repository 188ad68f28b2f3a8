package org.civic311.orchestrator.routing;

/**
 * How long the department has, when its supervisors are warned, and who is asked to act once it is late.
 * Filled in by the service-level rules; each part by the first rule that sets it.
 */
public class SlaTarget {

    private int amount;
    private SlaUnit unit;
    private int warningPercent;
    private String supervisorGroup;
    private String secondLevelGroup;
    private int secondLevelAfter;
    private SlaUnit secondLevelUnit;

    /** The target: {@code amount} {@code unit}s from submission. */
    public void within(int amount, SlaUnit unit) {
        if (amount <= 0) {
            throw new IllegalArgumentException("A service level needs a positive amount, not " + amount);
        }
        this.amount = amount;
        this.unit = unit;
    }

    /** The department's supervisors are warned when this share of the target (1 to 99 %) has passed. */
    public void warnAt(int percent) {
        if (percent < 1 || percent > 99) {
            throw new IllegalArgumentException("The warning point is a percentage of the target, 1 to 99, not " + percent);
        }
        this.warningPercent = percent;
    }

    /**
     * Level 1: {@code supervisorGroup} gets an escalation task at the due time. Level 2: {@code secondLevelGroup}
     * gets it when it is still unhandled {@code after} {@code unit}s past due.
     */
    public void escalateTo(String supervisorGroup, String secondLevelGroup, int after, SlaUnit unit) {
        if (after <= 0) {
            throw new IllegalArgumentException("The second escalation level needs a positive delay, not " + after);
        }
        this.supervisorGroup = supervisorGroup;
        this.secondLevelGroup = secondLevelGroup;
        this.secondLevelAfter = after;
        this.secondLevelUnit = unit;
    }

    public boolean isSet() { return unit != null; }
    public boolean isWarningSet() { return warningPercent > 0; }
    public boolean isEscalationSet() { return supervisorGroup != null; }
    /** Everything a request needs: target, warning point and escalation levels. */
    public boolean isComplete() { return isSet() && isWarningSet() && isEscalationSet(); }
    public int getAmount() { return amount; }
    public SlaUnit getUnit() { return unit; }
    public int getWarningPercent() { return warningPercent; }
    public String getSupervisorGroup() { return supervisorGroup; }
    public String getSecondLevelGroup() { return secondLevelGroup; }
    public int getSecondLevelAfter() { return secondLevelAfter; }
    public SlaUnit getSecondLevelUnit() { return secondLevelUnit; }

    @Override
    public String toString() {
        return amount + " " + unit;
    }
}
