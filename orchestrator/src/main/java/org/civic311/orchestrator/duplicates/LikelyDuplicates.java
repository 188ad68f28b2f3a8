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
import org.springframework.beans.factory.annotation.Value;
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
    private final boolean detect;

    /** @param detect {@code civic311.duplicates.detect-at-intake}: false takes every report as a request of its own */
    LikelyDuplicates(DuplicateRules rules, PublicRequests requests, Clock clock,
                     @Value("${civic311.duplicates.detect-at-intake:true}") boolean detect) {
        this.rules = rules;
        this.requests = requests;
        this.clock = clock;
        this.detect = detect;
    }

    @Override
    public Optional<Long> likelyParentOf(ServiceRequest request) {
        if (!detect || request.lat() == null || request.lon() == null) {
            return Optional.empty();
        }
        DuplicateCriteria criteria = rules.criteria(request.serviceCode());
        if (!criteria.isSet()) {
            return Optional.empty();
        }
        return choose(request, criteria, requests.nearby(request.lat(), request.lon(), criteria.getMetres(),
                types(criteria, request.serviceCode()), CANDIDATES), clock.instant());
    }

    /**
     * The decision itself: the nearest of the open requests found near the report that the criteria accept.
     *
     * @param nearby open requests near the report, nearest first
     */
    static Optional<Long> choose(ServiceRequest report, DuplicateCriteria criteria, List<NearbyRequest> nearby,
                                 Instant now) {
        if (!criteria.isSet()) {
            return Optional.empty();
        }
        List<String> types = types(criteria, report.serviceCode());
        Instant since = criteria.getWindow() == null ? null : now.minus(criteria.getWindow());
        return nearby.stream()
                .filter(candidate -> candidate.metres() <= criteria.getMetres())
                .map(NearbyRequest::request)
                .filter(earlier -> earlier.id() != report.id() && types.contains(earlier.serviceCode()))
                .filter(earlier -> since == null || !earlier.requestedAt().isBefore(since))
                .filter(earlier -> !criteria.isSameAddress() || sameAddress(earlier.address(), report.address()))
                .map(PublicRequest::id)
                .findFirst();
    }

    private static List<String> types(DuplicateCriteria criteria, String serviceCode) {
        return criteria.getFamily().isEmpty() ? List.of(serviceCode) : criteria.getFamily();
    }

    static boolean sameAddress(String one, String other) {
        return one != null && other != null && normal(one).equals(normal(other));
    }

    private static String normal(String address) {
        return address.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
