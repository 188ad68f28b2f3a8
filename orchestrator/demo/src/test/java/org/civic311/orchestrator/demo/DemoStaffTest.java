package org.civic311.orchestrator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo's staff, as README lists them: a supervisor of each demo department and a director, password
 * {@code demo}, who log in to Tasklist (and nothing more) and belong to the groups the escalations name.
 */
class DemoStaffTest {

    static final int PORT = DemoInstallation.freePort();
    static final Map<String, String> GROUP_OF = Map.of(
            "streets-supervisor", "supervisors-streets",
            "forestry-supervisor", "supervisors-urban-forestry",
            "code-supervisor", "supervisors-code-enforcement",
            "director", "directors");

    static ConfigurableApplicationContext demo;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startTheDemo() {
        demo = DemoInstallation.start(PORT, List.of("spring.datasource.url=jdbc:h2:mem:demo-staff-" + PORT
                + ";DB_CLOSE_DELAY=-1"));
    }

    @AfterAll
    static void stopTheDemo() {
        demo.close();
    }

    @Test
    void eachDemoSupervisorAndTheDirectorLogInToTasklistButNotCockpitOrAdmin() throws Exception {
        for (String user : GROUP_OF.keySet()) {
            HttpResponse<String> tasklist = logIn("tasklist", user);
            assertThat(tasklist.statusCode()).as(user + ": " + tasklist.body()).isEqualTo(200);
            assertThat(json.readTree(tasklist.body()).get("authorizedApps").toString()).as(user)
                    .contains("tasklist").doesNotContain("cockpit").doesNotContain("admin");
            assertThat(logIn("cockpit", user).statusCode()).as(user).isEqualTo(403);
        }
    }

    @Test
    void eachIsInTheGroupTheirEscalationsName() throws Exception {
        for (Map.Entry<String, String> user : GROUP_OF.entrySet()) {
            HttpResponse<String> groups = engineRest("/engine-rest/group?member=" + user.getKey(), user.getKey());
            assertThat(groups.statusCode()).as(groups.body()).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            json.readTree(groups.body()).forEach(group -> ids.add(group.get("id").asText()));
            assertThat(ids).as(user.getKey()).containsExactly(user.getValue());
        }
    }

    static HttpResponse<String> engineRest(String path, String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** As a browser logs in: the webapp's page hands out the XSRF cookie the login must send back. */
    static HttpResponse<String> logIn(String app, String user) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).build(),
                HttpResponse.BodyHandlers.discarding());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(c -> c.getValue()).findFirst().orElseThrow();
        return browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + PORT + path);
    }
}
