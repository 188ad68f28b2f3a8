package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A long weekend without the department's mail server: the real processes and the real retry schedule
 * (application.yml), with the engine's clock moved on instead of waiting. (Notices to residents are retried by the
 * notice sender, not the engine: NoticeOutageTest.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("e2e")
@DirtiesContext
class LongOutageTest {

    /** Nothing listens there: every connection is refused at once, as when a server is down. */
    static final int DOWN = closedPort();

    @DynamicPropertySource
    static void serversThatAreDown(DynamicPropertyRegistry registry) {
        registry.add("camunda.bpm.job-execution.enabled", () -> false); // jobs run when the test says so
        registry.add("civic311.connectors.email.smtp.port", () -> DOWN);
        registry.add("civic311.connectors.email.imap.port", () -> DOWN);
        registry.add("civic311.dispatch.poll-interval", () -> "1h");
        registry.add("spring.mail.port", () -> DOWN);
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TestRestTemplate http;

    Instant outageStarts;

    @BeforeEach
    void stopTheClock() {
        BpmnAwareTests.init(engine);
        outageStarts = Instant.now();
        ClockUtil.setCurrentTime(Date.from(outageStarts));
    }

    @AfterEach
    void restartTheClock() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void workForADepartmentWhoseSystemIsDownIsStillRetriedAfter71HoursAndAnIncidentOnlyAfter72() {
        ProcessInstance work = calledProcessInstance(submitPothole());
        assertThat(work).isWaitingAt("Task_DispatchToDepartment");

        int tries = failUntil(work, Duration.ofHours(71));
        assertThat(tries).isGreaterThan(5);
        stillRetrying(work, "Task_DispatchToDepartment");

        failUntilIncident(work);
        Incident incident = incidentOf(work);
        assertThat(incident.getActivityId()).isEqualTo("Task_DispatchToDepartment");
        assertThat(incident.getIncidentTimestamp().toInstant()).isAfter(outageStarts.plus(Duration.ofHours(72)));
        // The mail servers are down: the push stops at the reply mailbox, before anything could be sent twice.
        assertThat(incident.getIncidentMessage()).contains("Could not look for earlier work emails");
    }

    /** Runs the failing job each time it falls due, as the job executor would, until {@code elapsed} has passed. */
    private int failUntil(ProcessInstance instance, Duration elapsed) {
        Instant until = outageStarts.plus(elapsed);
        int tries = 0;
        while (true) {
            Job job = job(instance);
            Instant due = job.getDuedate() == null ? now() : job.getDuedate().toInstant();
            if (due.isAfter(until)) {
                ClockUtil.setCurrentTime(Date.from(until));
                return tries;
            }
            failOnce(job, due);
            tries++;
            assertThat(incidents(instance)).as("incident after %d tries, %s into the outage", tries,
                    Duration.between(outageStarts, due)).isZero();
        }
    }

    private void failUntilIncident(ProcessInstance instance) {
        for (int tries = 0; incidents(instance) == 0; tries++) {
            assertThat(tries).as("tries after 71 hours").isLessThan(50);
            Job job = job(instance);
            failOnce(job, job.getDuedate().toInstant());
        }
    }

    private void failOnce(Job job, Instant due) {
        ClockUtil.setCurrentTime(Date.from(due));
        assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(RuntimeException.class);
    }

    private void stillRetrying(ProcessInstance instance, String activity) {
        Job job = job(instance);
        assertThat(incidents(instance)).isZero();
        assertThat(job.getRetries()).isPositive();
        assertThat(job.getDuedate().toInstant()).isAfter(now());
        assertThat(runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId(activity).count())
                .isOne();
    }

    private Incident incidentOf(ProcessInstance instance) {
        return runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    }

    private long incidents(ProcessInstance instance) {
        return runtime.createIncidentQuery().processInstanceId(instance.getId()).count();
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private ProcessInstance submitPothole() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", "test-web-key");
        form.add("service_code", "pothole");
        form.add("address_string", "121 N LaSalle St");
        form.add("description", "Deep pothole in the bike lane");
        form.add("attribute[hazard]", "no");
        form.add("email", "jane.resident@example.org");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> answer = http.postForEntity("/open311/v2/requests.json", new HttpEntity<>(form, headers),
                String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        String trackingNumber = answer.getBody().replaceAll("(?s).*\"service_request_id\":\"([^\"]+)\".*", "$1");
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
                .processDefinitionKey("pothole").singleResult();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
