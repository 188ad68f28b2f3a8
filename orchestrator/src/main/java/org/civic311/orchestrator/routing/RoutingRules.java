package org.civic311.orchestrator.routing;

import java.util.List;

/** Asks the rules of {@code rules/routing/} where a request goes. */
public class RoutingRules {

    private final ActiveRules rules;

    public RoutingRules(ActiveRules rules) {
        this.rules = rules;
    }

    public RoutingDecision route(RoutingRequest request) {
        RoutingDecision decision = new RoutingDecision();
        rules.container().newStatelessKieSession("routing").execute(List.of(request, decision));
        if (!decision.isRouted()) {
            // The triage fallback rule should make this impossible; a rules edit that removed it must not pass silently.
            throw new IllegalStateException("No routing rule matched service code " + request.getServiceCode());
        }
        return decision;
    }
}
