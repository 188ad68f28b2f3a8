package org.civic311.orchestrator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * README's "overdue work in a minute", over HTTP only, as a city's staff would do it: a pothole reaches its warning
 * and its escalation by running its timer jobs through the engine's REST API, the streets supervisor extends it
 * through the same API, and Open311 publishes the new expected date.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class DemoEscalationTest {

    static final int HTTP = DemoInstallation.freePort();
    static final int SMTP = DemoInstallation.freePort();
    static final int IMAP = DemoInstallation.freePort();
    static final String ADMIN = "demo:demo";
    static final String SUPERVISOR = "streets-supervisor:demo";
    /** The engine REST API's date format. */
    static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    @DynamicPropertySource
    static void freePorts(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> HTTP);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:demo-escalation-" + HTTP + ";DB_CLOSE_DELAY=-1");
        registry.add("civic311.demo.mail-server.smtp-port", () -> SMTP);
        registry.add("civic311.demo.mail-server.imap-port", () -> IMAP);
    }

    @Value("${civic311.zone}")
    ZoneId zone;

    final HttpClient client = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void aPotholeReachesItsWarningAndEscalationAndTheStreetsSupervisorExtendsIt() throws Exception {
        String id = json.readTree(call("POST", "/open311/v2/requests.json", null, form("api_key=demo-web",
                "service_code=pothole", "address_string=121 N LaSalle St", "description=Deep pothole",
                "attribute[hazard]=no", "email=resident@example.org"), "application/x-www-form-urlencoded"))
                .get(0).get("service_request_id").asText();

        // The work is sent by the job executor; then the process waits with its timers.
        String work = await().atMost(Duration.ofSeconds(30)).until(() -> engine("GET",
                "/engine-rest/process-instance?processDefinitionKey=department-work&businessKey=" + id, null), a -> a.size() == 1)
                .get(0).get("id").asText();
        executeTimer(work, "Event_WarningPoint");
        DemoMailbox supervisors = new DemoMailbox("streets-supervisors@demo.civic311.local", SMTP, IMAP);
        await().atMost(Duration.ofSeconds(30)).until(() -> supervisors.inbox().size() == 1);
        assertThat(supervisors.inbox().get(0).subject()).contains(id);

        executeTimer(work, "Event_DueTime");
        JsonNode tasks = json.readTree(call("GET", "/engine-rest/task?candidateGroup=supervisors-streets"
                + "&processInstanceBusinessKey=" + id, SUPERVISOR, null, null));
        assertThat(tasks).hasSize(1);
        String taskId = tasks.get(0).get("id").asText();

        OffsetDateTime newDue = OffsetDateTime.now(ZoneOffset.UTC).plusDays(10).truncatedTo(ChronoUnit.SECONDS);
        String variables = """
                {"variables": {
                  "supervisorAction": {"value": "extend"},
                  "newDueDate": {"value": "%s", "type": "Date"},
                  "reason": {"value": "Asphalt plant closed for the holidays"}}}""".formatted(ENGINE_DATE.format(newDue));
        HttpResponse<String> completed = send("POST", "/engine-rest/task/" + taskId + "/complete", SUPERVISOR,
                variables, "application/json");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

        JsonNode request = json.readTree(call("GET", "/open311/v2/requests/" + id + ".json", null, null, null)).get(0);
        // Due at the closing time (17:00 by default) of that day on the city's calendar.
        assertThat(OffsetDateTime.parse(request.get("expected_datetime").asText()).toInstant())
                .isEqualTo(newDue.atZoneSameInstant(zone).toLocalDate().atTime(LocalTime.of(17, 0)).atZone(zone)
                        .toInstant());
        assertThat(request.toString()).doesNotContain("streets-supervisor").doesNotContain("Asphalt");
    }

    @Test
    void aPastDueDateIsRefusedWithItsReason() throws Exception {
        String id = json.readTree(call("POST", "/open311/v2/requests.json", null, form("api_key=demo-web",
                "service_code=pothole", "address_string=400 S State St", "attribute[hazard]=no"),
                "application/x-www-form-urlencoded")).get(0).get("service_request_id").asText();
        String work = await().atMost(Duration.ofSeconds(30)).until(() -> engine("GET",
                "/engine-rest/process-instance?processDefinitionKey=department-work&businessKey=" + id, null), a -> a.size() == 1)
                .get(0).get("id").asText();
        executeTimer(work, "Event_DueTime");
        String taskId = json.readTree(call("GET", "/engine-rest/task?processInstanceBusinessKey=" + id, SUPERVISOR,
                null, null)).get(0).get("id").asText();

        HttpResponse<String> refused = send("POST", "/engine-rest/task/" + taskId + "/complete", SUPERVISOR, """
                {"variables": {"supervisorAction": {"value": "extend"}, "reason": {"value": "late"},
                  "newDueDate": {"value": "2020-01-01T00:00:00.000+0000", "type": "Date"}}}""", "application/json");

        assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(refused.body()).contains("is in the past");
        assertThat(json.readTree(call("GET", "/engine-rest/task/" + taskId, SUPERVISOR, null, null)).get("id").asText())
                .isEqualTo(taskId);
    }

    /** Waits until the job executor has sent the work (the timers exist), then runs the timer now, as README shows. */
    void executeTimer(String processInstance, String timerEvent) throws Exception {
        JsonNode timer = await().atMost(Duration.ofSeconds(30)).until(() -> engine("GET", "/engine-rest/job?timers=true"
                + "&processInstanceId=" + processInstance + "&activityId=" + timerEvent, null), a -> a.size() == 1).get(0);
        HttpResponse<String> executed = send("POST", "/engine-rest/job/" + timer.get("id").asText() + "/execute", ADMIN,
                null, null);
        assertThat(executed.statusCode()).as(executed.body()).isEqualTo(204);
    }

    JsonNode engine(String method, String path, String body) throws Exception {
        return json.readTree(call(method, path, ADMIN, body, "application/json"));
    }

    String call(String method, String path, String credentials, String body, String contentType) throws Exception {
        HttpResponse<String> response = send(method, path, credentials, body, contentType);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
        return response.body();
    }

    HttpResponse<String> send(String method, String path, String credentials, String body, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String form(String... pairs) {
        StringBuilder form = new StringBuilder();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(pair.substring(0, eq), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form.toString();
    }
}
