package org.civic311.orchestrator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieContainer;

/** rules/routing/areas.drl: where a request is decides over what it is. */
class AreaRulesTest {

    static RoutingRules rules;

    @BeforeAll
    static void compile() {
        KieContainer container = KieServices.get().getKieClasspathContainer();
        assertThat(container.verify().getMessages(Message.Level.ERROR)).isEmpty();
        rules = new RoutingRules(() -> container);
    }

    @Test
    void aDamagedTreeInAParkGoesToParksByEmail() {
        RoutingDecision grantPark = rules.route(tree("Grant Park", Map.of()));
        RoutingDecision millenniumPark = rules.route(tree("Millennium Park", Map.of()));

        assertThat(grantPark.getDepartment()).isEqualTo("parks");
        assertThat(grantPark.getSystem()).isEqualTo("email");
        assertThat(grantPark.getPriority()).isEqualTo("P2");
        assertThat(grantPark.getWorkType()).isNull();
        assertThat(millenniumPark.getDepartment()).isEqualTo("parks");
    }

    @Test
    void aTreeBlockingAPathInAParkIsUrgentForParks() {
        RoutingDecision decision = rules.route(tree("Grant Park", Map.of("blocking", List.of("yes"))));

        assertThat(decision.getDepartment()).isEqualTo("parks");
        assertThat(decision.getPriority()).isEqualTo("P1");
    }

    @Test
    void aDamagedTreeInAWardGoesToUrbanForestryAsTheMatrixSays() {
        RoutingDecision decision = rules.route(tree("Ward 42", Map.of()));

        assertThat(decision.getDepartment()).isEqualTo("urban-forestry");
        assertThat(decision.getSystem()).isEqualTo("cityworks");
        assertThat(decision.getWorkType()).isEqualTo("TREE DAMAGED");
    }

    @Test
    void aTreeLocatedOnlyByItsAddressIsRoutedByTheRulesThatNeedNoArea() {
        RoutingDecision decision = rules.route(new RoutingRequest("damaged_tree", null, null, "Grant Park, 337 E Randolph St",
                null, Map.of(), null));

        assertThat(decision.getDepartment()).isEqualTo("urban-forestry");
        assertThat(decision.getPriority()).isEqualTo("P2");
    }

    @Test
    void otherRequestTypesInAParkAreNotTakenByTheTreeRules() {
        RoutingDecision decision = rules.route(new RoutingRequest("pothole", 41.876, -87.619, null, null, Map.of(),
                "Grant Park"));

        assertThat(decision.getDepartment()).isEqualTo("streets");
    }

    private static RoutingRequest tree(String area, Map<String, List<String>> attributes) {
        return new RoutingRequest("damaged_tree", 41.876, -87.619, null, null, attributes, area);
    }
}
