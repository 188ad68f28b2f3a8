package org.civic311.orchestrator.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether routing rules route every request type somewhere other than 311 triage. A type is <em>unrouted</em> when
 * only the fallback rule takes it: a request of that type without answers, and one answering any single listed value
 * of any of its questions, all go to triage (or nowhere). Area and location are left out, since a request located
 * only by its address must be routed too.
 */
public final class RoutingCoverage {

    /** The department of the fallback rule: what no rule of a type's own routes goes to. */
    public static final String TRIAGE = "triage";

    private RoutingCoverage() {
    }

    /**
     * @param questions per service code, the listed values of each of its questions (empty for free-text ones)
     * @return the service codes only triage would take, with a reason each
     */
    public static List<String> unrouted(RuleSet rules, Map<String, Map<String, List<String>>> questions) {
        List<String> unrouted = new ArrayList<>();
        if (!rules.knowledgeBases().contains("routing")) {
            if (!questions.isEmpty()) {
                unrouted.add("every request type (" + String.join(", ", questions.keySet())
                        + "): there are no routing rules");
            }
            return unrouted;
        }
        RoutingRules routing = new RoutingRules(rules::container);
        questions.forEach((serviceCode, answers) -> {
            if (!routedSomewhere(routing, serviceCode, answers)) {
                unrouted.add(serviceCode);
            }
        });
        return unrouted;
    }

    private static boolean routedSomewhere(RoutingRules routing, String serviceCode,
                                           Map<String, List<String>> answers) {
        if (routedBeyondTriage(routing, serviceCode, Map.of())) {
            return true;
        }
        for (Map.Entry<String, List<String>> question : answers.entrySet()) {
            for (String value : question.getValue()) {
                if (routedBeyondTriage(routing, serviceCode, Map.of(question.getKey(), List.of(value)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean routedBeyondTriage(RoutingRules routing, String serviceCode,
                                              Map<String, List<String>> answers) {
        try {
            RoutingDecision decision = routing.route(new RoutingRequest(serviceCode, null, null, null, null, answers));
            return !TRIAGE.equals(decision.getDepartment());
        } catch (RuntimeException e) {
            // no rule matched at all, or a rule failed on this request: not routed
            return false;
        }
    }
}
