package org.civic311.orchestrator.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civic311.orchestrator.request.NearbyRequest;
import org.civic311.orchestrator.request.PublicRequest;
import org.civic311.orchestrator.request.RequestStatus;
import org.civic311.orchestrator.request.Resident;
import org.civic311.orchestrator.request.ServiceRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;

/**
 * rules/duplicates/*.drl: what counts as the same problem reported again, at the edges of each distance and window.
 * The rules decide with a stand-in for the index, which answers what lies within the radius it is asked for.
 */
class DuplicateRulesTest {

    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    static DuplicateRules rules;

    @BeforeAll
    static void compile() {
        KieContainer container = KieServices.get().getKieClasspathContainer();
        rules = new DuplicateRules(() -> container);
    }

    @Test
    void aPotholeWithin30MetresOfAnOpenOneIsADuplicateHoweverOldTheFirstReport() {
        assertThat(parentOf(report("pothole", "1 Main St"), earlier(101, "pothole", 30.0, Duration.ofDays(400), "9 Elm St")))
                .contains(101L);
        assertThat(parentOf(report("pothole", "1 Main St"), earlier(101, "pothole", 30.5, Duration.ZERO, "1 Main St")))
                .isEmpty();
    }

    @Test
    void aPotholeIsNoDuplicateOfATreeAtTheSameSpot() {
        assertThat(parentOf(report("pothole", "1 Main St"), earlier(101, "damaged_tree", 1, Duration.ZERO, "1 Main St")))
                .isEmpty();
    }

    @Test
    void aStreetLightWithin15MetresReportedInTheLast30DaysIsADuplicate() {
        assertThat(parentOf(report("street_light_out", null),
                earlier(7, "street_light_out", 15.0, Duration.ofDays(30), null))).contains(7L);
        assertThat(parentOf(report("street_light_out", null),
                earlier(7, "street_light_out", 15.1, Duration.ofDays(1), null))).isEmpty();
        assertThat(parentOf(report("street_light_out", null),
                earlier(7, "street_light_out", 3, Duration.ofDays(30).plusSeconds(1), null))).isEmpty();
    }

    @Test
    void aCarReportedAsAbandonedOrAsIllegallyParkedIsOneFamilyWithin10MetresAndTwoWeeks() {
        assertThat(parentOf(report("illegal_parking", null),
                earlier(7, "abandoned_vehicle", 10.0, Duration.ofDays(14), null))).contains(7L);
        assertThat(parentOf(report("abandoned_vehicle", null),
                earlier(7, "illegal_parking", 10.0, Duration.ofDays(13), null))).contains(7L);
        assertThat(parentOf(report("abandoned_vehicle", null),
                earlier(7, "abandoned_vehicle", 10.1, Duration.ZERO, null))).isEmpty();
        assertThat(parentOf(report("illegal_parking", null),
                earlier(7, "illegal_parking", 2, Duration.ofDays(14).plusSeconds(1), null))).isEmpty();
        assertThat(parentOf(report("illegal_parking", null),
                earlier(7, "street_light_out", 1, Duration.ZERO, null))).isEmpty();
    }

    @Test
    void graffitiIsADuplicateOnlyAtTheSameAddressWithinTwoWeeks() {
        assertThat(parentOf(report("graffiti", "12  Oak  Street"), earlier(9, "graffiti", 40, Duration.ofDays(14), "12 oak street")))
                .contains(9L);
        assertThat(parentOf(report("graffiti", "12 Oak Street"), earlier(9, "graffiti", 2, Duration.ZERO, "14 Oak Street")))
                .isEmpty();
        assertThat(parentOf(report("graffiti", "12 Oak Street"), earlier(9, "graffiti", 2, Duration.ofDays(14).plusSeconds(1),
                "12 Oak Street"))).isEmpty();
        assertThat(parentOf(report("graffiti", null), earlier(9, "graffiti", 2, Duration.ZERO, "12 Oak Street"))).isEmpty();
    }

    @Test
    void aTypeNoRuleNamesIsNeverADuplicate() {
        assertThat(rules.criteria("high_weeds").isSet()).isFalse();
        assertThat(parentOf(report("high_weeds", "1 Main St"), earlier(3, "high_weeds", 0, Duration.ZERO, "1 Main St")))
                .isEmpty();
    }

    @Test
    void theCriteriaNameTheirDistanceWindowAndFamily() {
        DuplicateCriteria pothole = rules.criteria("pothole");
        assertThat(pothole.getMetres()).isEqualTo(30);
        assertThat(pothole.getWindow()).isNull();
        assertThat(pothole.getFamily()).isEmpty();
        DuplicateCriteria light = rules.criteria("street_light_out");
        assertThat(light.getMetres()).isEqualTo(15);
        assertThat(light.getWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(light.getFamily()).isEmpty();
        assertThat(rules.criteria("illegal_parking").getFamily()).containsExactly("abandoned_vehicle", "illegal_parking");
        assertThat(rules.criteria("graffiti").isSameAddress()).isTrue();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    record Earlier(PublicRequest request, double metres) {
    }

    static ServiceRequest report(String code, String address) {
        return new ServiceRequest(1000, "SR-2026-001000", code, code, RequestStatus.OPEN, null, null, 41.88, -87.63,
                address, null, null, null, Resident.ANONYMOUS, "web", null, null, null, NOW, NOW, null, null, Map.of(),
                null, null, null);
    }

    static Earlier earlier(long id, String code, double metres, Duration age, String address) {
        Instant at = NOW.minus(age);
        return new Earlier(new PublicRequest(id, "SR-2026-" + id, code, code, RequestStatus.OPEN, null, null, 41.88,
                -87.63, address, null, null, null, "web", null, null, at, at, null, null), metres);
    }

    /** What intake decides when the index finds just this one open request near the report. */
    static Optional<Long> parentOf(ServiceRequest report, Earlier earlier) {
        return LikelyDuplicates.choose(report, rules.criteria(report.serviceCode()),
                List.of(new NearbyRequest(earlier.request(), earlier.metres())), NOW);
    }
}
