package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a stranger, or a process deployed from the Modeler, can do with the engine of a production install: the
 * administrator is the configured one (its password from a mounted file) and the demo's logins do not exist, the
 * Admin webapp's first-user setup is never offered, expressions see the delegates only, and scripts are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("conformance")
class EngineLockdownTest {

    @TempDir
    static Path secrets;

    @DynamicPropertySource
    static void administratorFromAMountedSecret(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:lockdown;DB_CLOSE_DELAY=-1");
        registry.add("civic311.admin.id", () -> "cityops");
        registry.add("civic311.admin.password", () -> "");
        registry.add("civic311.admin.password-file", () -> {
            Path file = secrets.resolve("admin-password");
            try {
                Files.writeString(file, "from-the-vault-7Q\n");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return file.toString();
        });
    }

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    @Test
    void theConfiguredAdministratorUsesTheEngineApiWithThePasswordFromTheFile() throws Exception {
        assertThat(engineRest("/engine-rest/group?member=cityops", "cityops:from-the-vault-7Q").body())
                .contains("\"id\":\"" + Groups.CAMUNDA_ADMIN + "\"");
        assertThat(engineRest("/engine-rest/group?member=cityops", "cityops:guess").statusCode()).isEqualTo(401);
    }

    @Test
    void noDemoLoginExists() throws Exception {
        for (String user : List.of("demo", "streets-supervisor", "forestry-supervisor", "code-supervisor", "director")) {
            assertThat(engineRest("/engine-rest/task", user + ":demo").statusCode()).as(user).isEqualTo(401);
        }
        assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("cityops");
    }

    @Test
    void theAdminSetupCreatesNoUserEvenWhenNoAdministratorIsLeft() throws Exception {
        // The state in which the Admin webapp offers its setup: nobody in camunda-admin.
        identity.deleteMembership("cityops", Groups.CAMUNDA_ADMIN);
        try {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/camunda/app/admin/default/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String xsrf = page.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(11, c.indexOf(';')))
                    .findFirst().orElseThrow(() -> new AssertionError("the webapp hands out its XSRF cookie"));

            HttpResponse<String> setupPage = browser.send(HttpRequest.newBuilder(
                    uri("/camunda/app/admin/default/setup/")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> created = browser.send(HttpRequest.newBuilder(
                            uri("/camunda/api/admin/setup/default/user/create"))
                    .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"profile": {"id": "intruder", "firstName": "I", "lastName": "Ntruder",
                                         "email": "intruder@example.org"},
                             "credentials": {"password": "Intruder-Passw0rd!"}}""")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(identity.createUserQuery().userId("intruder").count()).as(created.toString()).isZero();
            assertThat(created.statusCode()).isEqualTo(404);
            assertThat(setupPage.statusCode()).isEqualTo(404);
        } finally {
            identity.createMembership("cityops", Groups.CAMUNDA_ADMIN);
        }
    }

    @Test
    void anExpressionReachesTheDelegatesButNoOtherBean() {
        repository.createDeployment().addModelInstance("reach.bpmn", Bpmn.createExecutableProcess("reach")
                .startEvent()
                .serviceTask().camundaExpression("${routeRequest != null}").camundaResultVariable("delegateSeen")
                .userTask("Task_Wait")
                .endEvent().done()).deploy();
        repository.createDeployment().addModelInstance("steal.bpmn", Bpmn.createExecutableProcess("steal")
                .startEvent()
                .serviceTask().camundaExpression("${dataSource.connection}").camundaResultVariable("connection")
                .endEvent().done()).deploy();

        String reach = runtime.startProcessInstanceByKey("reach").getId();
        assertThat(runtime.getVariable(reach, "delegateSeen")).isEqualTo(true);
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("steal"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Cannot resolve identifier 'dataSource'");
    }

    @Test
    void aProcessWithAScriptIsRefusedAtDeployment() {
        BpmnModelInstance script = Bpmn.createExecutableProcess("scripted")
                .startEvent()
                // MVEL comes with Drools: a script in it can call any Java
                .scriptTask("Task_Script").scriptFormat("mvel")
                .scriptText("java.lang.Runtime.getRuntime().exec(\"id\")")
                .endEvent().done();

        assertThatThrownBy(() -> repository.createDeployment().addModelInstance("scripted.bpmn", script).deploy())
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("Scripts are disabled").hasMessageContaining("Task_Script")
                .hasMessageContaining("civic311.engine.scripts-enabled");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("scripted").count()).isZero();
    }

    HttpResponse<String> engineRest(String path, String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
