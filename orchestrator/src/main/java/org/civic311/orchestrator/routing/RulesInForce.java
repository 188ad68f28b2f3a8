package org.civic311.orchestrator.routing;

import org.kie.api.runtime.KieContainer;

/**
 * The rules every decision uses now: swapped whole when a newer rules deployment is put in force, so a decision
 * sees either the old rules or the new ones, never a mix.
 */
public class RulesInForce implements ActiveRules {

    private volatile Version current;

    /** @param source where the rules come from, for people: a deployment id, or "rules/" at first start */
    public RulesInForce(RuleSet rules, String source) {
        this.current = new Version(rules, source);
    }

    @Override
    public KieContainer container() {
        return current.rules().container();
    }

    public RuleSet rules() {
        return current.rules();
    }

    public String source() {
        return current.source();
    }

    public void replace(RuleSet rules, String source) {
        current = new Version(rules, source);
    }

    private record Version(RuleSet rules, String source) {
    }
}
