package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.orchestrator.workflow.TwoEscalations.FORESTRY;
import static org.civic311.orchestrator.workflow.TwoEscalations.STREETS;
import static org.civic311.orchestrator.workflow.TwoEscalations.keysIn;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Staff from the settings, over HTTP as they work: a supervisor sees and completes their own department's
 * escalations only, a director every task, nobody but the administrator deploys, Tasklist is for staff and Cockpit
 * and Admin are not, and nobody gets in without logging in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:staff-rights;DB_CLOSE_DELAY=-1",
        "civic311.departments.forestry.name=Urban Forestry",
        "civic311.staff.users[0].id=streets-supervisor",
        "civic311.staff.users[0].first-name=Jo",
        "civic311.staff.users[0].last-name=Roe",
        "civic311.staff.users[0].password=streets-pw-1",
        "civic311.staff.users[0].groups=supervisors-streets",
        "civic311.staff.users[1].id=forestry-supervisor",
        "civic311.staff.users[1].password=forestry-pw-2",
        "civic311.staff.users[1].groups=supervisors-forestry",
        "civic311.staff.users[2].id=director",
        "civic311.staff.users[2].password=director-pw-3",
        "civic311.staff.users[2].groups=directors",
        "civic311.staff.users[3].id=clerk",
        "civic311.staff.users[3].password=clerk-pw-4",
        "civic311.staff.users[3].groups=clerks"})
@ActiveProfiles("conformance")
class StaffRightsTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aSupervisorSeesAndCompletesTheirDepartmentsTaskOnly() throws Exception {
        TwoEscalations escalations = new TwoEscalations(engine);
        String instance = escalations.instance;
        StaffClient streets = StaffClient.as(port, "streets-supervisor", "streets-pw-1");

        assertThat(keysIn(streets.get("/engine-rest/task?processInstanceId=" + instance))).containsExactly(STREETS);

        HttpResponse<String> refused = streets.post("/engine-rest/task/" + escalations.taskId(FORESTRY) + "/complete", "{}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(escalations.openTasks()).containsExactlyInAnyOrder(STREETS, FORESTRY);

        HttpResponse<String> done = streets.post("/engine-rest/task/" + escalations.taskId(STREETS) + "/complete", "{}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        assertThat(escalations.openTasks()).containsExactly(FORESTRY);
    }

    @Test
    void theOtherDepartmentsSupervisorSeesTheirsOnly() throws Exception {
        String instance = new TwoEscalations(engine).instance;

        assertThat(keysIn(StaffClient.as(port, "forestry-supervisor", "forestry-pw-2")
                .get("/engine-rest/task?processInstanceId=" + instance))).containsExactly(FORESTRY);
        assertThat(keysIn(StaffClient.as(port, "clerk", "clerk-pw-4")
                .get("/engine-rest/task?processInstanceId=" + instance))).isEmpty();
    }

    @Test
    void aDirectorSeesAndCompletesEveryTask() throws Exception {
        TwoEscalations escalations = new TwoEscalations(engine);
        String instance = escalations.instance;
        StaffClient director = StaffClient.as(port, "director", "director-pw-3");

        assertThat(keysIn(director.get("/engine-rest/task?processInstanceId=" + instance)))
                .containsExactlyInAnyOrder(STREETS, FORESTRY);
        HttpResponse<String> done = director.post("/engine-rest/task/" + escalations.taskId(FORESTRY) + "/complete", "{}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        assertThat(escalations.openTasks()).containsExactly(STREETS);
    }

    @Test
    void onlyTheAdministratorDeploys() throws Exception {
        for (String[] user : new String[][] {{"streets-supervisor", "streets-pw-1"}, {"clerk", "clerk-pw-4"},
                {"director", "director-pw-3"}}) {
            HttpResponse<String> refused = deploy(StaffClient.as(port, user[0], user[1]), "sneaked-" + user[0]);
            assertThat(refused.statusCode()).as(user[0] + ": " + refused.body()).isEqualTo(403);
        }
        assertThat(repository.createDeploymentQuery().deploymentNameLike("sneaked-%").count()).isZero();

        HttpResponse<String> deployed = deploy(StaffClient.as(port, "conformanceadmin", "conformance-admin-password"),
                "by-the-administrator");
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    }

    @Test
    void staffUseTasklistAndSeeTheirTasksInItsFilter() throws Exception {
        String instance = new TwoEscalations(engine).instance;
        StaffClient browser = StaffClient.anonymous(port);

        HttpResponse<String> login = browser.logIn("tasklist", "streets-supervisor", "streets-pw-1");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(json.readTree(login.body()).get("authorizedApps").toString())
                .contains("tasklist").doesNotContain("cockpit").doesNotContain("admin");

        JsonNode filters = json.readTree(browser.get("/camunda/api/engine/engine/default/filter?resourceType=Task")
                .body());
        assertThat(filters).extracting(f -> f.get("name").asText()).contains(StaffRights.FILTER);
        String filter = filters.findParents("name").stream()
                .filter(f -> f.get("name").asText().equals(StaffRights.FILTER))
                .findFirst().orElseThrow().get("id").asText();
        HttpResponse<String> listed = browser.post("/camunda/api/engine/engine/default/filter/" + filter + "/list",
                "{\"processInstanceId\": \"" + instance + "\"}");
        assertThat(keysIn(listed)).containsExactly(STREETS);
    }

    @Test
    void aSupervisorOpensAndSubmitsTheirTaskInTasklist() throws Exception {
        TwoEscalations escalations = new TwoEscalations(engine);
        String task = escalations.taskId(STREETS);
        StaffClient browser = StaffClient.anonymous(port);
        browser.logIn("tasklist", "streets-supervisor", "streets-pw-1");

        assertThat(browser.refusedOfTask(task, escalations.processDefinitionId(), "streets-supervisor")).isEmpty();
        HttpResponse<String> submitted = browser.post(StaffClient.WEBAPP_ENGINE + "/task/" + task + "/submit-form",
                "{\"variables\": {\"note\": {\"value\": \"Crew sent\", \"type\": \"String\"}}}");
        assertThat(submitted.statusCode()).as(submitted.body()).isIn(200, 204);
        assertThat(escalations.openTasks()).containsExactly(FORESTRY);
        assertThat(escalations.variable("note")).isEqualTo("Crew sent");
    }

    @Test
    void supervisorsAndDirectorsCannotOpenCockpitOrAdmin() throws Exception {
        for (String app : List.of("cockpit", "admin")) {
            assertThat(StaffClient.anonymous(port).logIn(app, "streets-supervisor", "streets-pw-1").statusCode())
                    .as(app).isEqualTo(403);
            assertThat(StaffClient.anonymous(port).logIn(app, "director", "director-pw-3").statusCode())
                    .as(app).isEqualTo(403);
        }
    }

    @Test
    void nobodyGetsInWithoutLoggingIn() throws Exception {
        StaffClient anonymous = StaffClient.anonymous(port);
        for (String path : List.of("/engine-rest/task", "/engine-rest/deployment", "/engine-rest/user",
                "/camunda/api/engine/engine/default/task", "/camunda/api/engine/engine/default/filter",
                "/camunda/api/engine/engine/default/user",
                "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
                "/camunda/api/admin/plugin/base/default/metrics/task-worker",
                "/camunda/api/tasklist/plugin/tasklist-welcome/default/")) {
            HttpResponse<String> refused = anonymous.get(path);
            assertThat(refused.statusCode()).as(path + ": " + refused.body()).isEqualTo(401);
        }
        HttpResponse<String> deploy = deploy(anonymous, "anonymous");
        assertThat(deploy.statusCode()).isEqualTo(401);
    }

    @Test
    void theStaffAreTheConfiguredOnesInTheirGroups() {
        assertThat(identity.createUserQuery().memberOfGroup("supervisors-streets").singleResult().getFirstName())
                .isEqualTo("Jo");
        assertThat(identity.createGroupQuery().groupId("supervisors-forestry").singleResult().getName())
                .isEqualTo("Supervisors, Urban Forestry");
        assertThat(identity.createGroupQuery().groupMember("director").list())
                .extracting(g -> g.getId()).containsExactly("directors");
    }

    HttpResponse<String> deploy(StaffClient client, String name) throws Exception {
        String boundary = "----civic311-" + name;
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"" + name + ".bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + Bpmn.convertToString(Bpmn.createExecutableProcess("p" + name.replace("-", ""))
                        .camundaHistoryTimeToLive(1).startEvent().endEvent().done()) + "\r\n"
                + "--" + boundary + "--\r\n";
        return client.post("/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8));
    }
}
