package org.civic311.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The operations endpoints as an operator and Prometheus use them, on the whole application with a real mail
 * server (GreenMail) for the residents' notices and the email connector: who may read them, what the meters count
 * as requests come in and go out, and the health checks while the mail server is up and once it is gone. The
 * mail server stops in the last test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Tests switch metrics export (and with it the Prometheus endpoint) off unless asked; this one is about them.
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("e2e")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsEndpointsTest {

    static final String ADMIN = "e2eadmin";
    static final String ADMIN_PASSWORD = "e2e-admin-password";
    static final GreenMail MAIL = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    static {
        MAIL.start();
        MAIL.setUser(WholeLoopTest.REPLY_MAILBOX, WholeLoopTest.REPLY_MAILBOX, "reply-mailbox-secret");
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("civic311.connectors.email.smtp.port", () -> MAIL.getSmtp().getPort());
        registry.add("civic311.connectors.email.imap.port", () -> MAIL.getImap().getPort());
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        // A stopped server must be noticed in a second, not at the default timeouts.
        registry.add("civic311.notifications.smtp.connect-timeout", () -> "1s");
        registry.add("civic311.connectors.email.smtp.connect-timeout", () -> "1s");
        registry.add("civic311.connectors.email.imap.connect-timeout", () -> "1s");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtime;

    final ObjectMapper json = new ObjectMapper();

    @Test
    @Order(1)
    void anonymousCallersGetTheBareHealthStatusAndNothingElse() throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator",
                "/actuator/metrics/civic311.requests.received"}) {
            ResponseEntity<String> refused = http.getForEntity(path, String.class);
            assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path).startsWith("Basic");
        }
        // Not the administrator with a wrong password: the engine would lock that account for a few seconds.
        ResponseEntity<String> wrongPassword = http.withBasicAuth("mallory", "guess")
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("mallory", "guess").getForEntity("/actuator/health", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode status = json.readTree(health.getBody());
        assertThat(status.get("status").asText()).isEqualTo("UP");
        assertThat(status.has("components")).isFalse();
        assertThat(health.getBody()).doesNotContain("mail").doesNotContain("departmentSystems");
    }

    @Test
    @Order(2)
    void staffSeeEveryCheckUpWithItsDetails() throws Exception {
        JsonNode health = staffHealth();

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/mail/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/mail/details/location").asText())
                .isEqualTo("127.0.0.1:" + MAIL.getSmtp().getPort());
        assertThat(health.at("/components/departmentSystems/components/email/status").asText()).isEqualTo("UP");
    }

    @Test
    @Order(3)
    void theMetersCountRequestsByTypeAndChannelTheTimeToReachTheDepartmentAndOpenIncidents() throws Exception {
        double received = meter("civic311_requests_received_total", "service_code=\"pothole\"", "channel=\"phone\"");
        double dispatched = meter("civic311_dispatch_latency_seconds_count", "system=\"email\"");
        double incidents = meter("civic311_incidents_open");

        submit();

        assertThat(meter("civic311_requests_received_total", "service_code=\"pothole\"", "channel=\"phone\""))
                .isEqualTo(received + 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(meter("civic311_dispatch_latency_seconds_count", "system=\"email\"")).isEqualTo(dispatched + 1));
        assertThat(meter("civic311_dispatch_latency_seconds_max", "system=\"email\"")).isGreaterThan(0).isLessThan(30);

        // The request's work waits for the department: an incident there is what Cockpit would show.
        Execution waiting = runtime.createExecutionQuery().activityId("Task_AwaitDepartment").list().get(0);
        runtime.createIncident("operationsTest", waiting.getId(), "made by the test");
        // The engine counts it in the department's process and again in the request's process that called it.
        assertThat(meter("civic311_incidents_open")).isGreaterThan(incidents)
                .isEqualTo(runtime.createIncidentQuery().count());
    }

    @Test
    @Order(4)
    void withTheMailServerGoneTheChecksAreDownAndTheFailuresAreCounted() throws Exception {
        double dispatchErrors = meter("civic311_connector_errors_total", "system=\"email\"", "operation=\"dispatch\"");
        double noticeFailures = meter("civic311_notifications_failures_total", "channel=\"email\"",
                "outcome=\"retrying\"");
        MAIL.stop();

        JsonNode health = staffHealth();
        assertThat(health.get("status").asText()).isEqualTo("DOWN");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/mail/status").asText()).isEqualTo("DOWN");
        JsonNode email = health.at("/components/departmentSystems/components/email");
        assertThat(email.get("status").asText()).isEqualTo("DOWN");
        assertThat(email.at("/details/error").asText()).contains("Could not connect to the department mail server");

        ResponseEntity<String> anonymous = http.getForEntity("/actuator/health", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(json.readTree(anonymous.getBody()).get("status").asText()).isEqualTo("DOWN");
        assertThat(anonymous.getBody()).doesNotContain("Could not connect");

        submit();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(meter("civic311_connector_errors_total", "system=\"email\"", "operation=\"dispatch\""))
                    .isEqualTo(dispatchErrors + 1);
            assertThat(meter("civic311_notifications_failures_total", "channel=\"email\"", "outcome=\"retrying\""))
                    .isEqualTo(noticeFailures + 1);
        });
    }

    JsonNode staffHealth() throws Exception {
        ResponseEntity<String> answer = http.withBasicAuth(ADMIN, ADMIN_PASSWORD)
                .getForEntity("/actuator/health", String.class);
        return json.readTree(answer.getBody());
    }

    /** The value of the Prometheus sample with this name and these labels, 0 when there is none yet. */
    double meter(String name, String... labels) {
        ResponseEntity<String> scrape = http.withBasicAuth(ADMIN, ADMIN_PASSWORD)
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        return Arrays.stream(scrape.getBody().split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** A pothole, as WholeLoopTest reports it, through the phone channel's key. */
    String submit() throws Exception {
        MultiValueMap<String, String> form = WholeLoopTest.pothole();
        form.set("api_key", "test-phone-key");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> answer = http.exchange("/open311/v2/requests.json", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody()).get(0).get("service_request_id").asText();
    }
}
