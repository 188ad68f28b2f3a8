package org.civic311.orchestrator.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Rule files compiled as a deployment compiles them: the rules/ folder, DRL and decision tables, broken ones. */
class RuleSetTest {

    static final Path RULES = Path.of("../rules");
    static final Path TESTS = Path.of("src/test/resources/rules-tests");

    static RuleFile file(String name) throws IOException {
        return RuleFile.read(name, Files.readAllBytes(TESTS.resolve(name)));
    }

    static RoutingDecision route(RuleSet rules, String serviceCode, Map<String, List<String>> answers) {
        return new RoutingRules(rules::container)
                .route(new RoutingRequest(serviceCode, null, null, null, null, answers));
    }

    @Test
    void theRulesFolderCompilesIntoOneKnowledgeBasePerFolder() {
        RuleSet rules = RuleSet.compile(RuleSet.folderFiles(RULES));

        assertThat(rules.knowledgeBases()).contains("routing", "sla");
        assertThat(route(rules, "pothole", Map.of()).getDepartment()).isEqualTo("streets");
    }

    @Test
    void aDecisionTableRoutesByItsRowsTheFirstMatchingRowWinning() throws IOException {
        RuleSet rules = RuleSet.compile(RuleSet.folderFiles(RULES)).with(List.of(file("mattress-pickups.csv")));

        RoutingDecision plain = route(rules, "mattress_pickup", Map.of());
        RoutingDecision blocking = route(rules, "mattress_pickup", Map.of("blocking", List.of("yes")));

        assertThat(plain.getDepartment()).isEqualTo("sanitation");
        assertThat(plain.getPriority()).isEqualTo("P3");
        assertThat(plain.getWorkType()).isEqualTo("BULK");
        assertThat(blocking.getPriority()).isEqualTo("P2");
        assertThat(blocking.getWorkType()).isEqualTo("BULK-URGENT");
        // the rules of rules/ still hold beside it
        assertThat(route(rules, "damaged_tree", Map.of()).getDepartment()).isEqualTo("urban-forestry");
    }

    @Test
    void aDecisionTableKnowsItsFolderFromItsRuleSet() throws IOException {
        RuleFile table = file("mattress-pickups.csv");

        assertThat(table.knowledgeBase()).isEqualTo("routing");
        assertThat(table.path()).isEqualTo("routing/mattress-pickups.csv");
    }

    @Test
    void aDecisionTableWithAnUnknownColumnIsRefusedSayingWhich() {
        assertThatThrownBy(() -> file("unknown-column.csv"))
                .isInstanceOf(RulesRejected.class)
                .hasMessageContaining("unknown-column.csv")
                .hasMessageContaining("Invalid column header: WHEN");
    }

    @Test
    void aRuleThatDoesNotCompileIsRefusedWithDroolsOwnMessage() throws IOException {
        RuleSet rules = RuleSet.compile(RuleSet.folderFiles(RULES));
        RuleFile broken = file("broken.drl");

        assertThatThrownBy(() -> rules.with(List.of(broken)))
                .isInstanceOf(RulesRejected.class)
                .hasMessageContaining("routing/broken.drl")
                .hasMessageContaining("serviceCod");
        // the set it was offered to is untouched
        assertThat(route(rules, "pothole", Map.of()).getDepartment()).isEqualTo("streets");
    }

    @Test
    void aFileOutsideTheRulesPackagesIsRefused() {
        byte[] drl = "package com.example;\nrule \"x\" when then end\n".getBytes();

        assertThatThrownBy(() -> RuleFile.read("other.drl", drl))
                .isInstanceOf(RulesRejected.class).hasMessageContaining("rules.<folder>")
                .hasMessageContaining("com.example");
    }

    @Test
    void aNewerFileOfTheSameNameReplacesTheOlder() {
        RuleSet rules = RuleSet.compile(RuleSet.folderFiles(RULES));
        String streetsOnly = """
                package rules.routing;
                import org.civic311.orchestrator.routing.RoutingRequest;
                import org.civic311.orchestrator.routing.RoutingDecision;
                rule "Everything to Streets"
                    when $decision : RoutingDecision( routed == false )
                    then modify( $decision ) { routeTo( "streets", "email", "P3" ) };
                end
                """;

        RuleSet replaced = rules.with(List.of(RuleFile.read("routing.drl", streetsOnly.getBytes())));

        assertThat(route(replaced, "damaged_tree", Map.of()).getDepartment()).isEqualTo("streets");
        assertThat(route(rules, "damaged_tree", Map.of()).getDepartment()).isEqualTo("urban-forestry");
    }

    @Test
    void aTypeOnlyTheTriageFallbackTakesIsUnrouted() throws IOException {
        RuleSet rules = RuleSet.compile(RuleSet.folderFiles(RULES));
        Map<String, Map<String, List<String>>> types = Map.of(
                "pothole", Map.of("hazard", List.of("yes", "no")),
                "mattress_pickup", Map.of());

        assertThat(RoutingCoverage.unrouted(rules, types)).containsExactly("mattress_pickup");
        assertThat(RoutingCoverage.unrouted(rules.with(List.of(file("mattress-pickups.drl"))), types)).isEmpty();
    }

    @Test
    void aTypeRoutedOnlyByAnAnswerCountsAsRouted() throws IOException {
        RuleSet rules = RuleSet.compile(RuleSet.folderFiles(RULES));
        String onlyWhenBlocking = """
                package rules.routing;
                import org.civic311.orchestrator.routing.RoutingRequest;
                import org.civic311.orchestrator.routing.RoutingDecision;
                rule "Blocking mattress pickups"
                    when RoutingRequest( serviceCode == "mattress_pickup", answered( "blocking", "yes" ) )
                         $decision : RoutingDecision( routed == false )
                    then modify( $decision ) { routeTo( "sanitation", "email", "P2" ) };
                end
                """;
        RuleSet withRule = rules.with(List.of(RuleFile.read("blocking.drl", onlyWhenBlocking.getBytes())));

        assertThat(RoutingCoverage.unrouted(withRule, Map.of("mattress_pickup", Map.of("blocking", List.of("yes", "no")))))
                .isEmpty();
        assertThat(RoutingCoverage.unrouted(withRule, Map.of("mattress_pickup", Map.of("blocking", List.of("no")))))
                .containsExactly("mattress_pickup");
    }
}
