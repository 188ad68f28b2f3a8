package org.civic311.orchestrator.routing;

import java.util.List;

import org.kie.api.runtime.KieContainer;

/** Asks the rules of {@code rules/sla/} how long the department has. */
public class SlaRules {

    private final KieContainer rules;

    public SlaRules(KieContainer rules) {
        this.rules = rules;
    }

    public SlaTarget target(SlaRequest request) {
        SlaTarget target = new SlaTarget();
        rules.newStatelessKieSession("sla").execute(List.of(request, target));
        if (!target.isSet()) {
            throw new IllegalStateException("No service-level rule matched " + request.getServiceCode()
                    + " at priority " + request.getPriority());
        }
        return target;
    }
}
