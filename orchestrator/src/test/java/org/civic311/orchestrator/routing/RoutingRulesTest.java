package org.civic311.orchestrator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;

/** rules/routing/*.drl, compiled from the classpath as the application does. */
class RoutingRulesTest {

    static RoutingRules rules;

    @BeforeAll
    static void compile() {
        KieContainer container = KieServices.get().getKieClasspathContainer();
        assertThat(container.verify().getMessages(org.kie.api.builder.Message.Level.ERROR)).isEmpty();
        rules = new RoutingRules(() -> container);
    }

    @Test
    void potholesGoToStreetsByEmail() {
        RoutingDecision decision = rules.route(request("pothole", Map.of()));

        assertThat(decision.getDepartment()).isEqualTo("streets");
        assertThat(decision.getSystem()).isEqualTo("email");
        assertThat(decision.getPriority()).isEqualTo("P3");
    }

    @Test
    void aPotholeTheResidentCallsDangerousIsUrgent() {
        RoutingDecision decision = rules.route(request("pothole", Map.of("hazard", List.of("Yes"))));

        assertThat(decision.getDepartment()).isEqualTo("streets");
        assertThat(decision.getPriority()).isEqualTo("P1");
    }

    @Test
    void damagedTreesGoToUrbanForestryInCityworksAndATreeInTheRoadIsUrgent() {
        RoutingDecision tree = rules.route(request("damaged_tree", Map.of()));
        RoutingDecision blocking = rules.route(request("damaged_tree", Map.of("blocking", List.of("yes"))));

        assertThat(tree.getDepartment()).isEqualTo("urban-forestry");
        assertThat(tree.getSystem()).isEqualTo("cityworks");
        assertThat(tree.getPriority()).isEqualTo("P2");
        assertThat(blocking.getPriority()).isEqualTo("P1");
        assertThat(tree.getWorkType()).as("the Cityworks problem code").isEqualTo("TREE DAMAGED");
        assertThat(blocking.getWorkType()).isEqualTo("TREE DAMAGED");
    }

    @Test
    void highWeedsGoToCodeEnforcementInAccela() {
        RoutingDecision decision = rules.route(request("high_weeds", Map.of()));

        assertThat(decision.getDepartment()).isEqualTo("code-enforcement");
        assertThat(decision.getSystem()).isEqualTo("accela");
        assertThat(decision.getWorkType()).as("the Accela record type")
                .isEqualTo("ServiceRequest/Trees and Weeds/Tall Grass and Weeds/NA");
    }

    @Test
    void aRequestTypeWithoutRulesGoesToTriageRatherThanNowhere() {
        RoutingDecision decision = rules.route(request("abandoned_sofa", Map.of()));

        assertThat(decision.getDepartment()).isEqualTo("triage");
        assertThat(decision.getSystem()).isEqualTo("email");
    }

    private static RoutingRequest request(String serviceCode, Map<String, List<String>> attributes) {
        return new RoutingRequest(serviceCode, 41.88, -87.63, "121 N LaSalle St", "60602", attributes);
    }
}
