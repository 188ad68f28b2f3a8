package org.civic311.orchestrator.duplicates;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.civic311.orchestrator.request.EarlierReports;
import org.civic311.orchestrator.request.NearbyRequest;
import org.civic311.orchestrator.request.PublicRequest;
import org.civic311.orchestrator.request.PublicRequests;
import org.civic311.orchestrator.request.ServiceRequest;
import org.springframework.stereotype.Component;

/**
 * A new report is a likely duplicate of the nearest open report of its own (no duplicate itself) that the rules of
 * {@code rules/duplicates/} say counts: same type or family, close enough, recent enough, at the same address when
 * they ask for it. Reports without coordinates are never taken for duplicates: staff link them by hand.
 */
@Component
class LikelyDuplicates implements EarlierReports {

    /** The most candidates one question reads: more than a rule's few metres can hold in any real backlog. */
    private static final int CANDIDATES = 50;

    private final DuplicateRules rules;
    private final PublicRequests requests;
    private final Clock clock;

    LikelyDuplicates(DuplicateRules rules, PublicRequests requests, Clock clock) {
        this.rules = rules;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public Optional<Long> likelyParentOf(ServiceRequest request) {
        if (request.lat() == null || request.lon() == null) {
            return Optional.empty();
        }
        DuplicateCriteria criteria = rules.criteria(request.serviceCode());
        if (!criteria.isSet()) {
            return Optional.empty();
        }
        List<String> types = criteria.getFamily().isEmpty() ? List.of(request.serviceCode()) : criteria.getFamily();
        Instant since = criteria.getWindow() == null ? null : clock.instant().minus(criteria.getWindow());
        return requests.nearby(request.lat(), request.lon(), criteria.getMetres(), types, CANDIDATES).stream()
                .map(NearbyRequest::request)
                .filter(earlier -> earlier.id() != request.id())
                .filter(earlier -> since == null || !earlier.requestedAt().isBefore(since))
                .filter(earlier -> !criteria.isSameAddress() || sameAddress(earlier.address(), request.address()))
                .map(PublicRequest::id)
                .findFirst();
    }

    static boolean sameAddress(String one, String other) {
        return one != null && other != null && normal(one).equals(normal(other));
    }

    private static String normal(String address) {
        return address.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
