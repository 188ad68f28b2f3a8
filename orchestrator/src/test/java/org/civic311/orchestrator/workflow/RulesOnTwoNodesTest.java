package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.civic311.orchestrator.MySqlTestDatabase;
import org.civic311.orchestrator.OrchestratorApplication;
import org.civic311.orchestrator.routing.RoutingRequest;
import org.civic311.orchestrator.routing.RoutingRules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes on one MySQL database: rules deployed on one are in force on the other within seconds, with no restart.
 */
class RulesOnTwoNodesTest {

    static final MySqlTestDatabase DATABASE = MySqlTestDatabase.create("civic311_rules");
    static final List<ConfigurableApplicationContext> NODES = new ArrayList<>();

    static ConfigurableApplicationContext node(String engineName) {
        List<String> settings = new ArrayList<>(DATABASE.settings());
        settings.addAll(List.of("server.port=0", "camunda.bpm.process-engine-name=" + engineName,
                "civic311.rules.check-interval=PT2S", "civic311.departments.sanitation.name=Sanitation"));
        ConfigurableApplicationContext node = new SpringApplicationBuilder(OrchestratorApplication.class)
                .profiles("conformance").properties(settings.toArray(String[]::new)).run();
        NODES.add(node);
        return node;
    }

    @AfterAll
    static void stop() {
        NODES.forEach(ConfigurableApplicationContext::close);
        DATABASE.drop();
    }

    @Test
    void rulesDeployedOnOneNodeAreInForceOnTheOtherWithinSeconds() {
        ConfigurableApplicationContext first = node("first");
        ConfigurableApplicationContext second = node("second");
        RoutingRules secondRouting = second.getBean(RoutingRules.class);
        RoutingRequest mattress = new RoutingRequest("mattress", null, null, "1 Main St", null, Map.of());
        assertThat(secondRouting.route(mattress).getDepartment()).isEqualTo("triage");

        first.getBean(RepositoryService.class).createDeployment().name("mattress")
                .addString("mattress.bpmn", RuleDeployments.requestType("mattress"))
                .addString("mattress.drl", RuleDeployments.routingRule("mattress", "sanitation", "P3")).deploy();

        // the deploying node at once, the other at its next look
        assertThat(first.getBean(RoutingRules.class).route(mattress).getDepartment()).isEqualTo("sanitation");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> secondRouting.route(mattress).getDepartment().equals("sanitation"));
        // the first start's rules/ were deployed once and stay in force beside it
        assertThat(secondRouting.route(new RoutingRequest("pothole", null, null, null, null, Map.of()))
                .getDepartment()).isEqualTo("streets");
    }
}
