package org.civic311.orchestrator.routing;

import java.util.List;

/** Asks the rules of {@code rules/sla/} how long the department has and who hears of it when it is late. */
public class SlaRules {

    private final ActiveRules rules;

    public SlaRules(ActiveRules rules) {
        this.rules = rules;
    }

    public SlaTarget target(SlaRequest request) {
        SlaTarget target = new SlaTarget();
        rules.container().newStatelessKieSession("sla").execute(List.of(request, target));
        if (!target.isComplete()) {
            // The fallback rules should make this impossible; a rules edit that removed one must not pass silently.
            throw new IllegalStateException("The service-level rules left " + request.getServiceCode()
                    + " at priority " + request.getPriority() + " without a "
                    + (!target.isSet() ? "target" : !target.isWarningSet() ? "warning point" : "escalation"));
        }
        return target;
    }
}
