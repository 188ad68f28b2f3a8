package org.civic311.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.civic311.orchestrator.escalation.RequestWithdrawal;
import org.civic311.orchestrator.request.ServiceRequests;
import org.civic311.orchestrator.request.UtcColumns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Overdue work in the whole application, with the engine clock moved instead of waiting days: the Streets
 * supervisors are emailed at the warning point, get an escalation task at the due time, the directors later; each
 * supervisor action and its refusals; a request whose process is cancelled. Runs on H2 here and on MySQL in
 * {@link EscalationLoopOnMySqlTest}. The job executor is off: the test runs each job when it is due.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "civic311.departments.streets.supervisors-email=" + EscalationLoopTest.SUPERVISORS,
        "civic311.departments.forestry.name=Urban Forestry",
        // Every test reports potholes from the same address, more than a resident's ten a minute.
        "civic311.open311.rate-limits.per-address.capacity=100",
        "civic311.staff.users[0].id=streets-supervisor",
        "civic311.staff.users[0].password=streets-pw-1",
        "civic311.staff.users[0].groups=supervisors-streets",
        "civic311.staff.users[1].id=forestry-supervisor",
        "civic311.staff.users[1].password=forestry-pw-2",
        "civic311.staff.users[1].groups=supervisors-forestry",
        "civic311.staff.users[2].id=director",
        "civic311.staff.users[2].password=director-pw-3",
        "civic311.staff.users[2].groups=directors"})
@ActiveProfiles("e2e")
@DirtiesContext
class EscalationLoopTest {

    static final String SUPERVISORS = "streets-supervisors@test.civic311.local";
    static final String STREETS = "streets@test.civic311.local";
    static final String TRIAGE = "triage@test.civic311.local";
    static final String RESIDENT = "jane.resident@example.org";

    static final GreenMail MAIL = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    static {
        MAIL.start();
        MAIL.setUser("civic311@test.civic311.local", "civic311@test.civic311.local", "reply-mailbox-secret");
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("civic311.connectors.email.smtp.port", () -> MAIL.getSmtp().getPort());
        registry.add("civic311.connectors.email.imap.port", () -> MAIL.getImap().getPort());
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService jobs;
    @Autowired
    IdentityService identity;
    @Autowired
    ServiceRequests requests;
    @Autowired
    JdbcClient db;
    @Value("${civic311.zone}")
    ZoneId zone;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void useThisEngine() throws Exception {
        BpmnAwareTests.init(engine);
        MAIL.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    @Test
    void theStreetsSupervisorsAreWarnedThenGetTheOverdueWorkThenTheDirectors() throws Exception {
        String id = submitPothole();
        ProcessInstance work = dispatched(id);

        fire(work, "Event_WarningPoint");
        MimeMessage warning = await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(SUPERVISORS), m -> !m.isEmpty())
                .get(0);
        assertThat(warning.getSubject()).contains(id).contains("Pothole");
        String body = GreenMailUtil.getBody(warning);
        assertThat(body).contains("121 N LaSalle St").contains("Streets Department");
        assertThat(body + warning.getSubject()).doesNotContain("Jane").doesNotContain(RESIDENT).doesNotContain("555");
        assertThat(work).isWaitingAt("Task_AwaitDepartment");

        fire(work, "Event_DueTime");
        assertThat(work).task("Task_SupervisorReview").hasCandidateGroup("supervisors-streets");

        fire(work, "Event_SecondLevelTime");
        assertThat(work).task("Task_SecondLevelReview").hasCandidateGroup("directors");
        assertThat(staffNotes(id)).anyMatch(n -> n.startsWith("Supervisors warned"))
                .contains("Overdue: escalation task for supervisors-streets.",
                        "Still overdue: escalation task for directors.");
        assertThat(request(id).get("status").asText()).isEqualTo("open");
    }

    @Test
    void aSupervisorExtendsTheDueDateAndOpen311PublishesItWithoutTheirNameOrReason() throws Exception {
        String id = submitPothole();
        ProcessInstance work = overdue(id);
        // The form's date field gives the day, at midnight where the browser is (the city): due at its closing time.
        LocalDate day = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone).plusDays(3);
        Instant newDue = day.atTime(LocalTime.of(17, 0)).atZone(zone).toInstant();

        act(work, "streets-supervisor", Map.of("supervisorAction", "extend",
                "newDueDate", Date.from(day.atStartOfDay(zone).toInstant()),
                "reason", "Asphalt plant closed until Thursday"));

        JsonNode request = request(id);
        assertThat(OffsetDateTime.parse(request.get("expected_datetime").asText()).toInstant()).isEqualTo(newDue);
        assertThat(request.get("status_notes").asText()).startsWith("The expected date is now ");
        assertThat(staffNotes(id)).anyMatch(n -> n.contains("Asphalt plant closed until Thursday"));
        // The resident hears of the new date, not of the reason.
        MimeMessage moved = await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(RESIDENT).stream()
                .filter(m -> subject(m).endsWith("New expected date for your report")).toList(), m -> !m.isEmpty()).get(0);
        assertThat(subject(moved)).startsWith("[" + id + "]");
        assertThat(staffAuthors(id)).contains("streets-supervisor");
        assertThat(String.join("\n", PublicAnswers.about(http, id)))
                .doesNotContain("streets-supervisor").doesNotContain("Asphalt plant");
        assertThat(work).isWaitingAt("Task_AwaitDepartment");
        assertThat(timer(work, "Event_DueTime").getDuedate()).isEqualTo(Date.from(newDue));
        assertThat(departmentTaskDue(id)).isEqualTo(newDue);
    }

    @Test
    void aSupervisorSendsItToAnotherDepartmentAndTheFirstIsToldItIsWithdrawn() throws Exception {
        String id = submitPothole();
        ProcessInstance work = overdue(id);

        act(work, "streets-supervisor", Map.of("supervisorAction", "redispatch", "newDepartment", "triage",
                "newSystem", "email", "reason", "Not a road defect: a utility cut"));

        assertThat(request(id).get("agency_responsible").asText()).isEqualTo("311 Triage Desk");
        assertThat(request(id).get("status_notes").asText()).startsWith("Passed to 311 Triage Desk");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(RESIDENT).stream()
                .anyMatch(m -> subject(m).endsWith("Another department is handling your report")));
        assertThat(taskStatuses(id)).containsExactly("CANCELLED", "PLANNED");
        // The department's system hears of it only after the action committed, from a retried engine job.
        assertThat(mailTo(STREETS)).noneMatch(m -> subject(m).startsWith("Withdrawn"));
        runWithdrawals();
        assertThat(mailTo(STREETS)).anyMatch(m -> subject(m).startsWith("Withdrawn"));
        jobs.executeJob(jobs.createJobQuery().processInstanceId(work.getId()).activityId("Task_DispatchToDepartment")
                .singleResult().getId());
        assertThat(mailTo(TRIAGE)).hasSize(1);
        assertThat(work).isWaitingAt("Task_AwaitDepartment");
        assertThat(runtime.getVariable(work.getId(), "supervisorGroup")).isEqualTo("supervisors-triage");
    }

    @Test
    void aSupervisorClosesTheRequestAndTheResidentIsTold() throws Exception {
        String id = submitPothole();
        ProcessInstance work = overdue(id);
        ProcessInstance pothole = pothole(id);

        act(work, "streets-supervisor", Map.of("supervisorAction", "close",
                "resolution", "Repaired by the utility company that dug the trench."));

        assertThat(work).isEnded();
        assertThat(pothole).isWaitingAt("Task_NotifyResident");
        jobs.executeJob(jobs.createJobQuery().processInstanceId(pothole.getId()).singleResult().getId());
        JsonNode closed = request(id);
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("status_notes").asText()).isEqualTo("Repaired by the utility company that dug the trench.");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(RESIDENT).stream()
                .anyMatch(m -> subject(m).endsWith("Your report is closed") && subject(m).contains(id)));
        assertThat(taskStatuses(id)).containsExactly("CANCELLED");
        assertThat(mailTo(STREETS)).noneMatch(m -> subject(m).startsWith("Withdrawn"));
        runWithdrawals();
        assertThat(mailTo(STREETS)).anyMatch(m -> subject(m).startsWith("Withdrawn"));
    }

    @Test
    void aSupervisorMarksOverdueWorkAsADuplicateAndItStaysOpenToFollowItsParent() throws Exception {
        String parent = submitPothole();
        String id = submitPothole();
        ProcessInstance work = overdue(id);
        ProcessInstance pothole = pothole(id);

        assertRefused(work, Map.of("supervisorAction", "duplicate", "duplicateOf", id),
                "A request cannot be a duplicate of itself (" + id + ").");
        act(work, "streets-supervisor", Map.of("supervisorAction", "duplicate", "duplicateOf", parent));

        assertThat(work).isEnded();
        jobs.executeJob(jobs.createJobQuery().processInstanceId(pothole.getId()).singleResult().getId());
        assertThat(pothole).isEnded();
        JsonNode linked = json.readTree(http.getForObject("/open311/v2/requests/{id}.json?extensions=true",
                String.class, id)).get(0);
        assertThat(linked.get("status").asText()).isEqualTo("open");
        assertThat(linked.get("extended_attributes").get("parent_service_request_id").asText()).isEqualTo(parent);
        assertThat(taskStatuses(id)).containsExactly("CANCELLED");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(RESIDENT).stream()
                .anyMatch(m -> subject(m).contains(id) && subject(m).endsWith("Your report was joined to an earlier one")));
        assertThat(mailTo(RESIDENT)).noneMatch(m -> subject(m).contains(id) && subject(m).endsWith("Your report is closed"));
        runWithdrawals();
        assertThat(mailTo(STREETS)).anyMatch(m -> subject(m).startsWith("Withdrawn"));
    }

    @Test
    void aSupervisorsNoteIsForStaffOnlyAndTheTaskStays() throws Exception {
        String id = submitPothole();
        ProcessInstance work = overdue(id);
        String publicNotes = request(id).get("status_notes").asText();

        act(work, "streets-supervisor", Map.of("supervisorAction", "note", "note", "Crew booked for Monday"));

        assertThat(staffNotes(id)).contains("Crew booked for Monday");
        assertThat(request(id).get("status_notes").asText()).isEqualTo(publicNotes);
        assertThat(work).isWaitingAt("Task_AwaitDepartment", "Task_SupervisorReview");
        // The task is new again: its form has no action chosen and no note.
        Map<String, Object> form = new HashMap<>();
        engine.getFormService().getTaskFormData(tasks.createTaskQuery().processInstanceId(work.getId()).singleResult()
                .getId()).getFormFields().forEach(field -> form.put(field.getId(), field.getValue().getValue()));
        assertThat(form).containsEntry("supervisorAction", null).containsEntry("note", null);
    }

    @Test
    void badFormsAreRefusedWithAMessageAndChangeNothing() throws Exception {
        String id = submitPothole();
        ProcessInstance work = overdue(id);
        String expected = request(id).get("expected_datetime").asText();
        List<String> notes = staffNotes(id);
        Date yesterday = Date.from(Instant.now().minus(1, ChronoUnit.DAYS));

        assertRefused(work, Map.of("supervisorAction", "extend", "newDueDate", yesterday, "reason", "late"),
                "is in the past");
        assertRefused(work, Map.of("supervisorAction", "redispatch", "newDepartment", "parks", "newSystem", "email",
                "reason", "wrong desk"), "Unknown department 'parks'");
        assertRefused(work, Map.of("supervisorAction", "redispatch", "newDepartment", "triage",
                "newSystem", "cityworks", "reason", "wrong desk"), "No connector for the system 'cityworks'");
        assertRefused(work, Map.of("supervisorAction", "redispatch", "newDepartment", "forestry",
                "newSystem", "email", "reason", "wrong desk"), "not set up for the department 'forestry'");
        assertRefused(work, Map.of("supervisorAction", "close", "resolution", "  "), "give the resolution");
        assertRefused(work, Map.of("supervisorAction", "shrug"), "Choose what should happen");

        assertThat(work).isWaitingAt("Task_AwaitDepartment", "Task_SupervisorReview");
        assertThat(request(id).get("expected_datetime").asText()).isEqualTo(expected);
        assertThat(request(id).get("status").asText()).isEqualTo("open");
        assertThat(staffNotes(id)).isEqualTo(notes);
        assertThat(taskStatuses(id)).containsExactly("DISPATCHED");
    }

    @Test
    void aSupervisorCannotActOnAnotherRequestThroughTheirOwnEscalation() throws Exception {
        String mine = submitPothole();
        ProcessInstance work = overdue(mine);
        String other = submitPothole();
        dispatched(other);
        long otherId = requests.find(other).orElseThrow().id();
        long otherTask = db.sql("SELECT id FROM department_task WHERE request_id = :id").param("id", otherId)
                .query(Long.class).single();
        String task = tasks.createTaskQuery().processInstanceId(work.getId()).singleResult().getId();

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> refused = http.withBasicAuth("streets-supervisor", "streets-pw-1").postForEntity(
                "/engine-rest/task/" + task + "/complete", new HttpEntity<>("""
                        {"variables": {
                          "supervisorAction": {"value": "close"},
                          "resolution": {"value": "Nothing to do here."},
                          "requestId": {"value": %d, "type": "Long"},
                          "departmentTaskId": {"value": %d, "type": "Long"}}}""".formatted(otherId, otherTask),
                        headers), String.class);

        assertThat(refused.getStatusCode().is2xxSuccessful()).as(refused.getBody()).isFalse();
        assertThat(refused.getBody()).contains("cannot act on other work");
        // Nor can the variables be changed outside a completion.
        ResponseEntity<String> notAllowed = http.withBasicAuth("streets-supervisor", "streets-pw-1").exchange(
                "/engine-rest/task/" + task + "/variables/requestId", HttpMethod.PUT, new HttpEntity<>(
                        "{\"value\": %d, \"type\": \"Long\"}".formatted(otherId), headers), String.class);
        assertThat(notAllowed.getStatusCode()).as(notAllowed.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(request(other).get("status").asText()).isEqualTo("open");
        assertThat(taskStatuses(other)).containsExactly("DISPATCHED");
        assertThat(staffNotes(other)).noneMatch(n -> n.contains("Nothing to do here"));
        assertThat(request(mine).get("status").asText()).isEqualTo("open");
        assertThat(work).isWaitingAt("Task_AwaitDepartment", "Task_SupervisorReview");
        assertThat(runtime.getVariable(work.getId(), "requestId")).isEqualTo(requests.find(mine).orElseThrow().id());
    }

    @Test
    void staffNotesAreForTheAdministratorsTheDirectorsAndTheDepartmentsSupervisors() throws Exception {
        String id = submitPothole();
        dispatched(id);
        String notes = "/staff/api/requests/{id}/notes";

        assertThat(http.withBasicAuth("forestry-supervisor", "forestry-pw-2").getForEntity(notes, String.class, id)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("streets-supervisor", "streets-pw-1").getForEntity(notes, String.class, id)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("director", "director-pw-3").getForEntity(notes, String.class, id)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("e2eadmin", "e2e-admin-password").getForEntity(notes, String.class, id)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        // What the resident was told is read under the same rule.
        String notices = "/staff/api/requests/{id}/notifications";
        assertThat(http.withBasicAuth("forestry-supervisor", "forestry-pw-2").getForEntity(notices, String.class, id)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("streets-supervisor", "streets-pw-1").getForEntity(notices, String.class, id)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void timersOfARequestClosedMeanwhileDoNothing() throws Exception {
        String id = submitPothole();
        ProcessInstance work = dispatched(id);
        requests.close(requests.find(id).orElseThrow().id(), "Duplicate of an earlier report.", Instant.now());

        fire(work, "Event_WarningPoint");
        fire(work, "Event_DueTime");

        assertThat(mailTo(SUPERVISORS)).isEmpty();
        assertThat(tasks.createTaskQuery().processInstanceId(work.getId()).count()).isZero();
        // The timers' paths ended at once ("Closed meanwhile"): only the wait for the department is left.
        assertThat(work).isWaitingAtExactly("SubProcess_AwaitDepartment", "Task_AwaitDepartment");
    }

    @Test
    void theEscalationOfARequestClosedMeanwhileCanOnlyBeEnded() throws Exception {
        String id = submitPothole();
        ProcessInstance work = overdue(id);
        requests.close(requests.find(id).orElseThrow().id(), "Duplicate of an earlier report.", Instant.now());

        assertRefused(work, Map.of("supervisorAction", "extend", "reason", "late",
                "newDueDate", Date.from(Instant.now().plus(2, ChronoUnit.DAYS))), "closed already");
        act(work, "streets-supervisor", Map.of("supervisorAction", "close"));

        assertThat(work).isEnded();
        assertThat(request(id).get("status_notes").asText()).isEqualTo("Duplicate of an earlier report.");
    }

    @Test
    void aProcessCancelledInCockpitClosesTheRequestWithAPublicNoteAndWithdrawsTheWork() throws Exception {
        String id = submitPothole();
        dispatched(id);

        // Cockpit's "cancel" skips custom listeners by default.
        runtime.deleteProcessInstance(pothole(id).getId(), "Cancelled in Cockpit", true);

        JsonNode closed = request(id);
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("status_notes").asText()).isEqualTo(RequestWithdrawal.NOTE);
        assertThat(taskStatuses(id)).containsExactly("CANCELLED");
        assertThat(mailTo(STREETS)).noneMatch(m -> subject(m).startsWith("Withdrawn"));
        runWithdrawals();
        assertThat(mailTo(STREETS)).anyMatch(m -> subject(m).startsWith("Withdrawn"));
        assertThat(staffNotes(id)).anyMatch(n -> n.startsWith("Cancelled in email"));
    }

    @Test
    void deletingADeploymentWithItsInstancesClosesNoRequest() throws Exception {
        String id = submitPothole();
        dispatched(id);
        String deployment = engine.getRepositoryService().createDeployment().name("retired")
                .addModelInstance("retired.bpmn", Bpmn.createExecutableProcess("retired_type")
                        .camundaHistoryTimeToLive(1).startEvent().userTask().endEvent().done())
                .deploy().getId();
        runtime.startProcessInstanceByKey("retired_type", id,
                Map.of("requestId", requests.find(id).orElseThrow().id()));

        engine.getRepositoryService().deleteDeployment(deployment, true);

        assertThat(request(id).get("status").asText()).isEqualTo("open");
        assertThat(taskStatuses(id)).containsExactly("DISPATCHED");
    }

    // --- helpers --------------------------------------------------------------------------------------------

    String submitPothole() throws Exception {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", "test-web-key");
        form.add("service_code", "pothole");
        form.add("address_string", "121 N LaSalle St");
        form.add("description", "Deep pothole in the bike lane");
        form.add("attribute[hazard]", "no");
        form.add("email", RESIDENT);
        form.add("first_name", "Jane");
        form.add("phone", "312-555-0100");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        String answer = http.postForObject("/open311/v2/requests.json", new HttpEntity<>(form, headers), String.class);
        return json.readTree(answer).get(0).get("service_request_id").asText();
    }

    ProcessInstance pothole(String id) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).processDefinitionKey("pothole")
                .singleResult();
    }

    /** The request's work sent to the Streets mailbox; the department-work process waits. */
    ProcessInstance dispatched(String id) {
        ProcessInstance work = calledProcessInstance(pothole(id));
        jobs.executeJob(jobs.createJobQuery().processInstanceId(work.getId()).singleResult().getId());
        assertThat(work).isWaitingAt("Task_AwaitDepartment");
        return work;
    }

    ProcessInstance overdue(String id) throws Exception {
        ProcessInstance work = dispatched(id);
        fire(work, "Event_DueTime");
        MAIL.purgeEmailFromAllMailboxes();
        return work;
    }

    /** Moves the engine clock to the timer's due date and runs it, as the job executor would. */
    void fire(ProcessInstance work, String timerEvent) {
        Job timer = timer(work, timerEvent);
        assertThat(timer).as("timer of " + timerEvent).isNotNull();
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        jobs.executeJob(timer.getId());
    }

    Job timer(ProcessInstance work, String timerEvent) {
        return jobs.createJobQuery().processInstanceId(work.getId()).timers().activityId(timerEvent).singleResult();
    }

    /** Tells the department systems of withdrawn work, as the job executor would once the withdrawal committed. */
    void runWithdrawals() {
        jobs.createJobQuery().processDefinitionKey("department-withdrawal").list()
                .forEach(job -> jobs.executeJob(job.getId()));
    }

    /** What Tasklist does when the supervisor submits the escalation form. */
    void act(ProcessInstance work, String supervisor, Map<String, Object> form) {
        Task task = tasks.createTaskQuery().processInstanceId(work.getId()).singleResult();
        // With the rights a streets supervisor has: the task's candidate group, nothing more.
        identity.setAuthentication(supervisor, List.of("supervisors-streets"));
        try {
            tasks.complete(task.getId(), new HashMap<>(form));
        } finally {
            identity.clearAuthentication();
        }
    }

    void assertRefused(ProcessInstance work, Map<String, Object> form, String message) {
        assertThatThrownBy(() -> act(work, "streets-supervisor", form)).hasMessageContaining(message);
    }

    JsonNode request(String id) throws Exception {
        return json.readTree(http.getForObject("/open311/v2/requests/{id}.json", String.class, id)).get(0);
    }

    List<String> staffNotes(String id) {
        return PublicAnswers.staffNotes(requests, id);
    }

    List<String> staffAuthors(String id) {
        return requests.staffNotes(requests.find(id).orElseThrow().id()).stream().map(n -> n.author()).toList();
    }

    List<String> taskStatuses(String id) {
        return db.sql("SELECT status FROM department_task WHERE request_id = :id ORDER BY id")
                .param("id", requests.find(id).orElseThrow().id()).query(String.class).list();
    }

    Instant departmentTaskDue(String id) {
        return db.sql("SELECT due_at FROM department_task WHERE request_id = :id ORDER BY id")
                .param("id", requests.find(id).orElseThrow().id())
                .query((rs, row) -> UtcColumns.instant(rs, "due_at")).list().get(0);
    }

    static List<MimeMessage> mailTo(String mailbox) {
        return Inbox.of(MAIL, mailbox);
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
