package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.orchestrator.workflow.TwoEscalations.FORESTRY;
import static org.civic311.orchestrator.workflow.TwoEscalations.STREETS;
import static org.civic311.orchestrator.workflow.TwoEscalations.keysIn;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Staff from the city's directory, a real LDAP server (in memory, on a free port): its users log in with their
 * directory passwords, over {@code /engine-rest} and Tasklist, and get the tasks of their directory groups.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:city-directory;DB_CLOSE_DELAY=-1",
        "civic311.departments.forestry.name=Urban Forestry",
        "civic311.admin.id=cityops",
        "civic311.admin.password=",
        "civic311.staff.ldap.manager-dn=cn=civic311,ou=services,dc=springfield,dc=example",
        "civic311.staff.ldap.manager-password=directory-reader-secret",
        "civic311.staff.ldap.base-dn=dc=springfield,dc=example",
        "civic311.staff.ldap.user-search-base=ou=people",
        "civic311.staff.ldap.user-search-filter=(objectclass=inetOrgPerson)",
        "civic311.staff.ldap.group-search-base=ou=groups",
        // The in-memory directory has no TLS.
        "civic311.staff.ldap.allow-plain-ldap=true"})
@ActiveProfiles("conformance")
class CityDirectoryTest {

    static final String BASE = "dc=springfield,dc=example";
    static InMemoryDirectoryServer directory;

    @DynamicPropertySource
    static void theCityDirectory(DynamicPropertyRegistry registry) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials("cn=civic311,ou=services," + BASE, "directory-reader-secret");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: " + BASE, "objectClass: domain", "dc: springfield");
        directory.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
        directory.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
        person("cityops", "City", "Operations", "ops-directory-pw");
        person("jroe", "Jo", "Roe", "jroe-directory-pw");
        person("mlee", "Mo", "Lee", "mlee-directory-pw");
        person("dkim", "Dana", "Kim", "dkim-directory-pw");
        group("supervisors-streets", "jroe");
        group("supervisors-forestry", "mlee");
        group("directors", "dkim");
        directory.startListening();
        registry.add("civic311.staff.ldap.url", () -> "ldap://127.0.0.1:" + directory.getListenPort());
    }

    static void person(String uid, String givenName, String surname, String password) throws Exception {
        directory.add("dn: uid=" + uid + ",ou=people," + BASE, "objectClass: inetOrgPerson", "uid: " + uid,
                "cn: " + givenName + " " + surname, "givenName: " + givenName, "sn: " + surname,
                "mail: " + uid + "@springfield.example", "userPassword: " + password);
    }

    static void group(String cn, String member) throws Exception {
        directory.add("dn: cn=" + cn + ",ou=groups," + BASE, "objectClass: groupOfNames", "cn: " + cn,
                "member: uid=" + member + ",ou=people," + BASE);
    }

    @AfterAll
    static void closeTheDirectory() {
        directory.shutDown(true);
    }

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aSupervisorOfTheDirectoryGetsTheirDepartmentsTaskOnly() throws Exception {
        TwoEscalations escalations = new TwoEscalations(engine);
        String instance = escalations.instance;
        StaffClient jroe = StaffClient.as(port, "jroe", "jroe-directory-pw");

        assertThat(keysIn(jroe.get("/engine-rest/task?processInstanceId=" + instance)))
                .containsExactly(STREETS);
        HttpResponse<String> refused = jroe.post("/engine-rest/task/" + escalations.taskId(FORESTRY)
                + "/complete", "{}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        HttpResponse<String> done = jroe.post("/engine-rest/task/" + escalations.taskId(STREETS)
                + "/complete", "{}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

        assertThat(keysIn(StaffClient.as(port, "mlee", "mlee-directory-pw")
                .get("/engine-rest/task?processInstanceId=" + instance))).containsExactly(FORESTRY);
    }

    @Test
    void aDirectorOfTheDirectorySeesEveryTask() throws Exception {
        String instance = new TwoEscalations(engine).instance;

        assertThat(keysIn(StaffClient.as(port, "dkim", "dkim-directory-pw")
                .get("/engine-rest/task?processInstanceId=" + instance)))
                .containsExactlyInAnyOrder(STREETS, FORESTRY);
    }

    @Test
    void aSupervisorOfTheDirectoryLogsInToTasklist() throws Exception {
        TwoEscalations escalations = new TwoEscalations(engine);
        String instance = escalations.instance;
        StaffClient browser = StaffClient.anonymous(port);

        HttpResponse<String> login = browser.logIn("tasklist", "mlee", "mlee-directory-pw");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(json.readTree(login.body()).get("authorizedApps").toString()).contains("tasklist")
                .doesNotContain("cockpit");
        HttpResponse<String> listed = browser.get("/camunda/api/engine/engine/default/task?processInstanceId="
                + instance);
        assertThat(keysIn(listed)).containsExactly(FORESTRY);
        assertThat(browser.refusedOfTask(escalations.taskId(FORESTRY), escalations.processDefinitionId(), "mlee"))
                .isEmpty();
    }

    @Test
    void theAdministratorIsTheDirectorysUserOfThatId() throws Exception {
        StaffClient cityops = StaffClient.as(port, "cityops", "ops-directory-pw");

        HttpResponse<String> groups = cityops.get("/engine-rest/group?member=jroe");
        assertThat(groups.statusCode()).as(groups.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.readTree(groups.body()).forEach(g -> ids.add(g.get("id").asText()));
        assertThat(ids).containsExactly("supervisors-streets");
        JsonNode profile = json.readTree(cityops.get("/engine-rest/user/jroe/profile").body());
        assertThat(profile.get("lastName").asText()).isEqualTo("Roe");
        assertThat(cityops.get("/engine-rest/deployment").statusCode()).isEqualTo(200);
    }
}
