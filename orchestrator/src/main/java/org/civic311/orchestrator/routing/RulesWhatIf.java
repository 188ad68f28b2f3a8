package org.civic311.orchestrator.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.civic311.orchestrator.request.ServiceRequest;
import org.civic311.orchestrator.request.ServiceRequests;
import org.springframework.stereotype.Service;

/**
 * Replays stored requests against proposed rule files, beside the rules in force, without putting anything in force:
 * the proposed files replace those of the same folder and name for the replay only.
 */
@Service
public class RulesWhatIf {

    private final ServiceRequests requests;
    private final RulesInForce inForce;
    private final SlaClock slaClock;

    RulesWhatIf(ServiceRequests requests, RulesInForce inForce, SlaClock slaClock) {
        this.requests = requests;
        this.inForce = inForce;
        this.slaClock = slaClock;
    }

    /**
     * @throws RulesRejected      when the proposed files do not compile with the rules in force
     * @throws NoRequestsToReplay when no request was made in the period
     */
    public WhatIfReport replay(Collection<RuleFile> proposed, Instant from, Instant to) {
        RuleSet current = inForce.rules();
        RuleSet candidate = current.with(proposed);
        List<ServiceRequest> stored = requests.requestedBetween(from, to);
        if (stored.isEmpty()) {
            throw new NoRequestsToReplay("No request was made from " + from + " to " + to + ": there is nothing to"
                    + " replay. Choose another period with from and to.");
        }
        return replay(current, candidate, stored, slaClock, from, to);
    }

    /** The replay itself, on requests in memory (also what the benchmark measures). */
    public static WhatIfReport replay(RuleSet current, RuleSet proposed, List<ServiceRequest> stored, SlaClock clock,
                                      Instant from, Instant to) {
        Replayer now = new Replayer(current, clock);
        Replayer then = new Replayer(proposed, clock);
        List<WhatIfReport.Change> changes = stored.parallelStream()
                .map(request -> new WhatIfReport.Change(request.trackingNumber(), request.serviceCode(),
                        now.outcome(request), then.outcome(request)))
                .filter(change -> !change.now().equals(change.proposed()))
                .toList();
        Map<String, Integer> counts = new TreeMap<>();
        for (WhatIfReport.Change change : changes) {
            count(counts, "department", change.now().department(), change.proposed().department());
            count(counts, "system", change.now().system(), change.proposed().system());
            count(counts, "priority", change.now().priority(), change.proposed().priority());
            if (!Objects.equals(change.now().dueAt(), change.proposed().dueAt())) {
                counts.merge(change.now().dueAt() != null && change.proposed().dueAt() != null
                        && change.proposed().dueAt().isBefore(change.now().dueAt())
                        ? "due date earlier" : "due date later", 1, Integer::sum);
            }
        }
        return new WhatIfReport(from, to, stored.size(), changes.size(), counts, new ArrayList<>(changes));
    }

    private static void count(Map<String, Integer> counts, String what, String before, String after) {
        if (!Objects.equals(before, after)) {
            counts.merge(what + " " + before + "→" + after, 1, Integer::sum);
        }
    }

    /** One rule set's decisions. */
    private static final class Replayer {

        private final RoutingRules routing;
        private final SlaRules sla;
        private final SlaClock clock;

        Replayer(RuleSet rules, SlaClock clock) {
            this.routing = new RoutingRules(rules::container);
            this.sla = new SlaRules(rules::container);
            this.clock = clock;
        }

        RoutingOutcome outcome(ServiceRequest request) {
            RoutingDecision decision = routing.route(new RoutingRequest(request.serviceCode(), request.lat(),
                    request.lon(), request.address(), request.zipcode(), request.attributes(), request.area()));
            SlaTarget target = sla.target(new SlaRequest(request.serviceCode(), decision.getDepartment(),
                    decision.getPriority(), request.zipcode(), request.attributes()));
            return new RoutingOutcome(decision.getDepartment(), decision.getSystem(), decision.getPriority(),
                    clock.dates(request.requestedAt(), target).dueAt());
        }
    }
}
