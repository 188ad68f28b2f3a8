package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.orchestrator.workflow.RuleDeployments.deploy;
import static org.civic311.orchestrator.workflow.RuleDeployments.report;
import static org.civic311.orchestrator.workflow.RuleDeployments.requestType;
import static org.civic311.orchestrator.workflow.RuleDeployments.routingRule;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.civic311.orchestrator.request.ServiceRequests;
import org.civic311.orchestrator.routing.RoutingDecision;
import org.civic311.orchestrator.routing.RoutingRequest;
import org.civic311.orchestrator.routing.RoutingRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Rules deployed like models, over HTTP as a process owner deploys them: a request type and its rule in one call to
 * {@code /engine-rest/deployment/create}, routed at once with no restart; broken rules, broken models and unrouted
 * types rejected with a 400 and nothing changed; a rollback by deploying the previous file; a decision table; the
 * what-if preview of proposed rules over the stored requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:rule-deployment;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000",
        "civic311.departments.sanitation.name=Sanitation Department",
        "civic311.departments.urban-forestry.name=Urban Forestry",
        "civic311.staff.users[0].id=director",
        "civic311.staff.users[0].password=director-pw-1",
        "civic311.staff.users[0].groups=directors",
        "civic311.staff.users[1].id=clerk",
        "civic311.staff.users[1].password=clerk-pw-2",
        "civic311.staff.users[1].groups=clerks"})
@ActiveProfiles("conformance")
class RuleDeploymentTest {

    static final String ADMIN = "conformanceadmin";
    static final String ADMIN_PASSWORD = "conformance-admin-password";

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RoutingRules routing;
    @Autowired
    ServiceRequests requests;

    final ObjectMapper json = new ObjectMapper();

    StaffClient admin() {
        return StaffClient.as(port, ADMIN, ADMIN_PASSWORD);
    }

    String departmentFor(String serviceCode, Map<String, List<String>> answers) {
        return decisionFor(serviceCode, answers).getDepartment();
    }

    RoutingDecision decisionFor(String serviceCode, Map<String, List<String>> answers) {
        return routing.route(new RoutingRequest(serviceCode, null, null, "1 Main St", null, answers));
    }

    @Test
    void aNewTypeAndItsRuleInOneDeploymentAreRoutedWithNoRestart() throws Exception {
        HttpResponse<String> deployed = deploy(admin(), "mattress-pickups", "mattress_pickup.bpmn", requestType("mattress_pickup"),
                "mattress-pickups.drl", routingRule("mattress_pickup", "sanitation", "P3"));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

        HttpResponse<String> submitted = report(port, "mattress_pickup", "blocking", "no");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        JsonNode answer = json.readTree(submitted.body()).get(0);
        assertThat(answer.get("service_notice").asText()).startsWith("Sanitation Department will take care of it");
        assertThat(requests.find(answer.get("service_request_id").asText()).orElseThrow().department())
                .isEqualTo("sanitation");

        // the rule file is a resource of the deployment, as Cockpit lists it
        String id = json.readTree(deployed.body()).get("id").asText();
        JsonNode resources = json.readTree(admin().get("/engine-rest/deployment/" + id + "/resources").body());
        assertThat(resources.findValuesAsText("name")).containsExactlyInAnyOrder("mattress_pickup.bpmn", "mattress-pickups.drl");
    }

    @Test
    void aRuleFileThatDoesNotCompileRejectsTheWholeDeploymentAndTheRulesStay() throws Exception {
        String broken = routingRule("couch", "sanitation", "P3").replace("serviceCode ==", "serviceCod ==");

        HttpResponse<String> refused = deploy(admin(), "couch", "couch.bpmn", requestType("couch"), "couch.drl", broken);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("The rules do not compile").contains("routing/couch.drl")
                .contains("serviceCod");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("couch").count()).isZero();
        assertThat(repository.createDeploymentQuery().deploymentName("couch").count()).isZero();
        assertThat(departmentFor("pothole", Map.of())).isEqualTo("streets");
    }

    @Test
    void aTypeNoRuleRoutesIsRejected() throws Exception {
        HttpResponse<String> refused = deploy(admin(), "sofa", "sofa.bpmn", requestType("sofa"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("No routing rule other than the triage fallback routes request type(s) sofa");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("sofa").count()).isZero();
    }

    @Test
    void rulesThatWouldLeaveADeployedTypeToTriageAreRejected() throws Exception {
        String triageOnly = """
                package rules.routing;
                import org.civic311.orchestrator.routing.RoutingRequest;
                import org.civic311.orchestrator.routing.RoutingDecision;
                rule "Everything to triage"
                    when $decision : RoutingDecision( routed == false )
                    then modify( $decision ) { routeTo( "triage", "email", "P3" ) };
                end
                """;

        HttpResponse<String> refused = deploy(admin(), "no-routing", "routing.drl", triageOnly);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("triage fallback").contains("high_weeds");
        assertThat(departmentFor("pothole", Map.of())).isEqualTo("streets");
    }

    @Test
    void aModelWithoutWhatARequestTypeNeedsIsRejectedNamingTheElement() throws Exception {
        String rule = routingRule("armchair", "sanitation", "P3");
        HttpResponse<String> noWork = deploy(admin(), "armchair", "armchair.bpmn",
                requestType("armchair", "Armchair", "${routeRequest}", "other-work", "enum"), "armchair.drl", rule);
        HttpResponse<String> noBean = deploy(admin(), "armchair", "armchair.bpmn",
                requestType("armchair", "Armchair", "${routeRequst}", "department-work", "enum"), "armchair.drl", rule);
        HttpResponse<String> badField = deploy(admin(), "armchair", "armchair.bpmn",
                requestType("armchair", "Armchair", "${routeRequest}", "department-work", "color"), "armchair.drl", rule);
        HttpResponse<String> noTrackingNumber = deploy(admin(), "armchair", "armchair.bpmn",
                requestType("armchair").replace("<camunda:in businessKey=\"#{execution.processBusinessKey}\"/>", ""),
                "armchair.drl", rule);

        assertThat(noWork.statusCode()).as(noWork.body()).isEqualTo(400);
        assertThat(noWork.body()).contains("armchair").contains("department-work");
        assertThat(noBean.statusCode()).as(noBean.body()).isEqualTo(400);
        assertThat(noBean.body()).contains("Task_RouteRequest").contains("routeRequst")
                .contains("without a routing step");
        assertThat(badField.statusCode()).as(badField.body()).isEqualTo(400);
        assertThat(badField.body()).contains("'blocking'").contains("color");
        assertThat(noTrackingNumber.statusCode()).as(noTrackingNumber.body()).isEqualTo(400);
        assertThat(noTrackingNumber.body()).contains("Activity_DepartmentWork").contains("tracking number")
                .contains("businessKey");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("armchair").count()).isZero();
        // the rule that came with the rejected models is not in force either
        assertThat(departmentFor("armchair", Map.of())).isEqualTo("triage");
    }

    @Test
    void redeployingThePreviousFileRollsTheRulesBack() throws Exception {
        String first = routingRule("mattress", "sanitation", "P3");
        assertThat(deploy(admin(), "mattress", "mattress.bpmn", requestType("mattress"), "mattress.drl", first)
                .statusCode()).isEqualTo(200);
        assertThat(departmentFor("mattress", Map.of())).isEqualTo("sanitation");

        assertThat(deploy(admin(), "mattress-rules", "mattress.drl", routingRule("mattress", "streets", "P2"))
                .statusCode()).isEqualTo(200);
        assertThat(departmentFor("mattress", Map.of())).isEqualTo("streets");

        assertThat(deploy(admin(), "mattress-rules", "mattress.drl", first).statusCode()).isEqualTo(200);
        assertThat(departmentFor("mattress", Map.of())).isEqualTo("sanitation");
    }

    @Test
    void aDecisionTableIsDeployedAsADrlFileIs() throws Exception {
        String table = Files.readString(Path.of("src/test/resources/rules-tests/mattress-pickups.csv"))
                .replace("mattress_pickup", "appliance").replace("Mattress pickups", "Appliances");

        HttpResponse<String> deployed = deploy(admin(), "appliances", "appliance.bpmn", requestType("appliance"),
                "appliances.csv", table);

        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        RoutingDecision blocking = decisionFor("appliance", Map.of("blocking", List.of("yes")));
        assertThat(blocking.getDepartment()).isEqualTo("sanitation");
        assertThat(blocking.getPriority()).isEqualTo("P2");
        assertThat(blocking.getWorkType()).isEqualTo("BULK-URGENT");
    }

    @Test
    void aDecisionTableWithAnUnknownColumnIsRejected() throws Exception {
        String table = Files.readString(Path.of("src/test/resources/rules-tests/unknown-column.csv"))
                .replace("mattress_pickup", "freezer");

        HttpResponse<String> refused = deploy(admin(), "freezers", "freezer.bpmn", requestType("freezer"),
                "freezers.csv", table);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("freezers.csv").contains("Invalid column header: WHEN");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("freezer").count()).isZero();
    }

    @Test
    void requestsAlreadyRunningFinishOnTheVersionTheyStartedWith() throws Exception {
        deploy(admin(), "fridge", "fridge.bpmn", requestType("fridge"), "fridge.drl",
                routingRule("fridge", "sanitation", "P3"));
        String first = json.readTree(report(port, "fridge", "blocking", "no").body()).get(0)
                .get("service_request_id").asText();

        HttpResponse<String> second = deploy(admin(), "fridge", "fridge.bpmn",
                requestType("fridge", "Fridge, version 2", "${routeRequest}", "department-work", "enum"));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        String later = json.readTree(report(port, "fridge", "blocking", "no").body()).get(0)
                .get("service_request_id").asText();

        assertThat(versionOf(first)).isEqualTo(1);
        assertThat(versionOf(later)).isEqualTo(2);
    }

    static final Path POTHOLES_TO_FORESTRY_FILE = Path.of("src/test/resources/rules-tests/potholes-to-forestry.drl");


    static String potholesToForestry() throws Exception {
        return Files.readString(POTHOLES_TO_FORESTRY_FILE);
    }

    HttpResponse<String> whatIf(StaffClient who, String query, String fileName, String content) throws Exception {
        RuleDeployments.Form form = new RuleDeployments.Form().file("file", fileName, content);
        return who.post("/staff/api/rules/what-if" + query, form.contentType(), form.bytes());
    }

    @Test
    void theWhatIfReportsEachRequestProposedRulesWouldTreatOtherwiseAndActivatesNothing() throws Exception {
        String pothole = json.readTree(report(port, "pothole", "hazard", "no").body()).get(0)
                .get("service_request_id").asText();

        HttpResponse<String> preview = whatIf(StaffClient.as(port, "director", "director-pw-1"), "",
                "potholes.drl", potholesToForestry());

        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode report = json.readTree(preview.body());
        JsonNode change = null;
        for (JsonNode c : report.get("changes")) {
            if (c.get("trackingNumber").asText().equals(pothole)) {
                change = c;
            }
        }
        assertThat(change).as(preview.body()).isNotNull();
        assertThat(change.get("now").get("department").asText()).isEqualTo("streets");
        assertThat(change.get("proposed").get("department").asText()).isEqualTo("urban-forestry");
        assertThat(change.get("proposed").get("system").asText()).isEqualTo("cityworks");
        int potholes = (int) requests.requestedBetween(java.time.Instant.parse(report.get("from").asText()),
                java.time.Instant.parse(report.get("to").asText())).stream()
                .filter(r -> r.serviceCode().equals("pothole")).count();
        assertThat(report.get("counts").get("department streets→urban-forestry").asInt()).isEqualTo(potholes);
        assertThat(report.get("changed").asInt()).isEqualTo(potholes);
        // nothing was put in force
        assertThat(departmentFor("pothole", Map.of())).isEqualTo("streets");
    }

    @Test
    void aWhatIfOverAPeriodWithoutRequestsOrWithABrokenFileOrByAClerkIsRefused() throws Exception {
        StaffClient director = StaffClient.as(port, "director", "director-pw-1");

        HttpResponse<String> empty = whatIf(director, "?from=2001-01-01&to=2001-01-31", "potholes.drl",
                potholesToForestry());
        HttpResponse<String> broken = whatIf(director, "", "potholes.drl",
                potholesToForestry().replace("serviceCode ==", "serviceCod =="));
        HttpResponse<String> clerk = whatIf(StaffClient.as(port, "clerk", "clerk-pw-2"), "", "potholes.drl",
                potholesToForestry());

        assertThat(empty.statusCode()).as(empty.body()).isEqualTo(422);
        assertThat(empty.body()).contains("No request was made");
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(400);
        assertThat(broken.body()).contains("The rules do not compile").contains("serviceCod");
        assertThat(clerk.statusCode()).as(clerk.body()).isEqualTo(403);
    }

    int versionOf(String trackingNumber) {
        String definitionId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
                .processDefinitionKey("fridge").singleResult().getProcessDefinitionId();
        return repository.getProcessDefinition(definitionId).getVersion();
    }
}
