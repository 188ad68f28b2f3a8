package org.civic311.orchestrator.duplicates;

import java.util.List;

import org.civic311.orchestrator.routing.ActiveRules;
import org.springframework.stereotype.Component;

/** Asks the rules of {@code rules/duplicates/} (the knowledge base and session {@code duplicates}) what counts. */
@Component
public class DuplicateRules {

    private final ActiveRules rules;

    public DuplicateRules(ActiveRules rules) {
        this.rules = rules;
    }

    public DuplicateCriteria criteria(String serviceCode) {
        DuplicateCriteria criteria = new DuplicateCriteria();
        rules.container().newStatelessKieSession("duplicates").execute(List.of(new DuplicateQuestion(serviceCode), criteria));
        return criteria;
    }
}
