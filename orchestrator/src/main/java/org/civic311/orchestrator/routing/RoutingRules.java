package org.civic311.orchestrator.routing;

import java.util.List;

import org.kie.api.runtime.KieContainer;

/** Asks the rules of {@code rules/routing/} where a request goes. */
public class RoutingRules {

    private final KieContainer rules;

    public RoutingRules(KieContainer rules) {
        this.rules = rules;
    }

    public RoutingDecision route(RoutingRequest request) {
        RoutingDecision decision = new RoutingDecision();
        rules.newStatelessKieSession("routing").execute(List.of(request, decision));
        if (!decision.isRouted()) {
            // The triage fallback rule should make this impossible; a rules edit that removed it must not pass silently.
            throw new IllegalStateException("No routing rule matched service code " + request.getServiceCode());
        }
        return decision;
    }
}
