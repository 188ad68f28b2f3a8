package org.civic311.orchestrator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civic311.orchestrator.demo.DemoInstallation.freePort;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.civic311.orchestrator.PublicAnswers;
import org.civic311.orchestrator.escalation.RequestWithdrawal;
import org.civic311.orchestrator.request.ServiceRequests;
import org.civic311.simulators.accela.AccelaSimulator;
import org.civic311.simulators.cityworks.CityworksSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The embedded default (demo profile) with its department simulators: work reaches Cityworks, the clerk closes
 * it there through Cityworks' own API, and the resident hears back — also when Cityworks was down or a response
 * was lost on the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class DemoDepartmentSystemsTest {

    /** A fixed port: the demo's connectors reach its simulators at http://localhost:${server.port}/sim/. */
    static final int HTTP = freePort();
    static final int SMTP = freePort();
    static final int IMAP = freePort();

    @DynamicPropertySource
    static void freePorts(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> HTTP);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:demo-" + HTTP + ";DB_CLOSE_DELAY=-1");
        registry.add("civic311.demo.mail-server.smtp-port", () -> SMTP);
        registry.add("civic311.demo.mail-server.imap-port", () -> IMAP);
        registry.add("civic311.dispatch.poll-interval", () -> "500ms");
        // Two hundred reports from one client and address within seconds: far more than the default limits.
        registry.add("civic311.open311.rate-limits.per-key.capacity", () -> 1000);
        registry.add("civic311.open311.rate-limits.per-address.capacity", () -> 1000);
        // An idle job executor looks for due jobs at most this often; retries made due by hand wait no longer.
        registry.add("camunda.bpm.job-execution.max-wait", () -> "1000");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient db;
    @Autowired
    CityworksSimulator cityworks;
    @Autowired
    AccelaSimulator accela;
    @Autowired
    ManagementService jobs;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ServiceRequests requests;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aDamagedTreeIsClosedInCityworksAndTheResidentIsToldOnce() throws Exception {
        String id = submit("damaged_tree", "tree.owner@example.org");
        assertThat(request(id).get("agency_responsible").asText()).isEqualTo("Urban Forestry");

        long requestId = await().atMost(Duration.ofSeconds(30)).until(() -> cityworksRequestFor(id), r -> r != null);
        CityworksClerk clerk = new CityworksClerk();
        clerk.call("Ams/ServiceRequest/Update", Map.of("RequestId", requestId, "Resolution", "Limb removed, tree pruned"));
        clerk.call("Ams/ServiceRequest/Close", Map.of("RequestIds", List.of(requestId)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode closed = request(id);
            assertThat(closed.get("status").asText()).isEqualTo("closed");
            assertThat(closed.get("status_notes").asText()).isEqualTo("Limb removed, tree pruned");
        });
        DemoMailbox resident = new DemoMailbox("tree.owner@example.org", SMTP, IMAP);
        await().atMost(Duration.ofSeconds(30)).until(() -> closureNotices(resident).size() == 1);
        assertThat(closureNotices(resident).get(0).body()).contains("Limb removed, tree pruned").contains("Urban Forestry");

        // Cityworks reports the same closure again (its webhook, and the next overlapping poll): nothing more happens.
        nudgeCityworks();
        // The nudge polled synchronously: had the duplicate moved anything, the request's process would be running
        // again (what runs is the question whether it was fixed, asked days later).
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).processDefinitionKey("damaged_tree")
                .count()).isZero();
        assertThat(db.sql("SELECT n.kind FROM notification n JOIN service_request r ON r.id = n.request_id "
                + "WHERE r.tracking_number = :id ORDER BY n.id").param("id", id).query(String.class).list())
                .containsExactly("received", "closed");
        assertThat(closureNotices(resident)).hasSize(1);
    }

    @Test
    void internalCommentsInCityworksAndAccelaAreStaffNotesAndInNoPublicAnswer() throws Exception {
        String tree = submit("damaged_tree", null);
        long requestId = await().atMost(Duration.ofSeconds(30)).until(() -> cityworksRequestFor(tree), r -> r != null);
        CityworksClerk clerk = new CityworksClerk();
        clerk.call("Ams/Comment/Add", Map.of("ActivityType", 1, "ActivitySid", requestId,
                "Comments", "Neighbour at 312-555-0142 is angry; do not give out the crew's names"));
        clerk.call("Ams/ServiceRequest/Close", Map.of("RequestIds", List.of(requestId)));

        String weeds = submit("high_weeds", null);
        AccelaOfficer officer = new AccelaOfficer();
        String recordId = await().atMost(Duration.ofSeconds(30)).until(
                () -> officer.recordTagged("civic311-task-" + taskKeyOf(weeds)), r -> r != null);
        officer.call(HttpMethod.POST, "/v4/records/" + recordId + "/comments",
                List.of(Map.of("text", "Owner threatened the inspector; bring a colleague", "displayOnInspection", "N")));
        JsonNode task = officer.call(HttpMethod.GET, "/v4/records/" + recordId + "/workflowTasks", null).get(0);
        officer.call(HttpMethod.PUT, "/v4/records/" + recordId + "/workflowTasks/" + task.get("id").asText(),
                Map.of("status", Map.of("value", "Violation Corrected")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(request(tree).get("status").asText()).isEqualTo("closed");
            assertThat(request(weeds).get("status").asText()).isEqualTo("closed");
        });
        assertThat(request(tree).get("status_notes").asText()).isEqualTo("The work is done.");
        assertThat(request(weeds).get("status_notes").asText()).isEqualTo("Violation Corrected");
        assertThat(PublicAnswers.staffNotes(requests, tree))
                .containsExactly("Neighbour at 312-555-0142 is angry; do not give out the crew's names");
        assertThat(PublicAnswers.staffNotes(requests, weeds))
                .containsExactly("Owner threatened the inspector; bring a colleague");
        for (String id : List.of(tree, weeds)) {
            for (String answer : PublicAnswers.about(http, id)) {
                assertThat(answer).doesNotContain("angry").doesNotContain("312-555-0142").doesNotContain("threatened");
            }
        }
    }

    @Test
    void aTreeTheResidentSaysBlocksTheRoadIsDueSooner() throws Exception {
        assertThat(http.getForObject("/open311/v2/services/damaged_tree.json", String.class)).contains("\"code\":\"blocking\"");

        String blocking = submit("damaged_tree", null, "yes");
        String notBlocking = submit("damaged_tree", null, "no");

        assertThat(OffsetDateTime.parse(request(blocking).get("expected_datetime").asText()))
                .isBefore(OffsetDateTime.parse(request(notBlocking).get("expected_datetime").asText()));
    }

    @Test
    void highWeedsAreClosedInAccelaByTheOfficersWorkflowTaskAndTheResidentIsTold() throws Exception {
        String id = submit("high_weeds", "neighbour@example.org");
        assertThat(request(id).get("agency_responsible").asText()).isEqualTo("Code Enforcement");

        AccelaOfficer officer = new AccelaOfficer();
        String recordId = await().atMost(Duration.ofSeconds(30)).until(
                () -> officer.recordTagged("civic311-task-" + taskKeyOf(id)), r -> r != null);
        JsonNode task = officer.call(HttpMethod.GET, "/v4/records/" + recordId + "/workflowTasks", null).get(0);
        officer.call(HttpMethod.PUT, "/v4/records/" + recordId + "/workflowTasks/" + task.get("id").asText(),
                Map.of("status", Map.of("value", "Violation Corrected"), "comment", "Owner mowed the lot"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode closed = request(id);
            assertThat(closed.get("status").asText()).isEqualTo("closed");
            assertThat(closed.get("status_notes").asText()).contains("Owner mowed the lot");
        });
        DemoMailbox resident = new DemoMailbox("neighbour@example.org", SMTP, IMAP);
        await().atMost(Duration.ofSeconds(30)).until(() -> closureNotices(resident).size() == 1);
        assertThat(closureNotices(resident).get(0).body()).contains("Owner mowed the lot").contains("Code Enforcement");
    }

    /** The resident's closure notices (their mailbox holds the receipt too). */
    static List<DemoMailbox.Mail> closureNotices(DemoMailbox resident) throws Exception {
        return resident.inbox().stream().filter(m -> m.subject().contains("closed")).toList();
    }

    @Test
    void anAgencyScriptRejectingTheRecordIsAnIncidentAtOnceWithItsWordsAndARetrySendsItOnceFixed() throws Exception {
        accela.agencyScriptRejectsNewRecords("A parcel number is required for Tall Grass and Weeds.");
        try {
            String id = submit("high_weeds", null);

            Incident incident = await().atMost(Duration.ofSeconds(30)).until(
                    () -> runtime.createIncidentQuery().incidentMessageLike("%parcel number%").list().stream()
                            .findFirst().orElse(null), found -> found != null);
            assertThat(incident.getIncidentMessage()).contains("emse_error");
            assertThat(failedTasks(List.of(id))).as("tried once, not retried").isEqualTo(1);
            assertThat(db.sql("SELECT t.dispatch_attempts FROM department_task t JOIN service_request r"
                    + " ON r.id = t.request_id WHERE r.tracking_number = :id").param("id", id)
                    .query(Integer.class).single()).isEqualTo(1);

            // The agency fixes its script; the operator retries the job in Cockpit.
            accela.agencyScriptRejectsNewRecords(null);
            jobs.setJobRetries(incident.getConfiguration(), 1);

            await().atMost(Duration.ofSeconds(30)).until(() -> dispatchedTasks(List.of(id)) == 1);
            assertThat(runtime.createIncidentQuery().incidentId(incident.getId()).count()).isZero();
        } finally {
            accela.agencyScriptRejectsNewRecords(null);
        }
    }

    @Test
    void aClerkWhoClosesTheWorkBeforeCivic311HeardBackFromCityworksStillClosesTheRequest() throws Exception {
        cityworks.loseNextResponses(1);
        String id = submit("damaged_tree", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> failedTasks(List.of(id)) == 1);

        // The request exists in Cityworks although Civic311 never heard so; the clerk closes it at once.
        cityworks.closeRequest(cityworksRequestFor(id), "Cleared before we knew");
        nudgeCityworks();
        retryWaitingJobsNow(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode closed = request(id);
            assertThat(closed.get("status").asText()).isEqualTo("closed");
            assertThat(closed.get("status_notes").asText()).isEqualTo("Cleared before we knew");
        });
    }

    @Test
    void aRequestAnOperatorCancelledIsWithdrawnFromCityworksAndPollingGoesOn() throws Exception {
        String cancelled = submit("damaged_tree", null);
        String other = submit("damaged_tree", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> dispatchedTasks(List.of(cancelled, other)) == 2);
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(cancelled).processDefinitionKey("damaged_tree").list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "Duplicate of another report"));

        // The cancelled request is closed at once, its task withdrawn; Cityworks hears of it from a retried job.
        assertThat(request(cancelled).get("status").asText()).isEqualTo("closed");
        assertThat(request(cancelled).get("status_notes").asText()).isEqualTo(RequestWithdrawal.NOTE);
        assertThat(db.sql("SELECT status FROM department_task WHERE task_key = :key").param("key", taskKeyOf(cancelled))
                .query(String.class).single()).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                cityworks.request(cityworksRequestFor(cancelled)).orElseThrow().status()).isEqualTo("CANCEL"));
        assertThat(PublicAnswers.staffNotes(requests, cancelled)).anyMatch(note -> note.startsWith("Cancelled in cityworks"));

        cityworks.closeRequest(cityworksRequestFor(other), "Removed");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(request(other).get("status").asText()).isEqualTo("closed"));
    }

    @Test
    void twoHundredReportsMadeWhileCityworksIsDownAreEachPushedExactlyOnceWhenItIsBack() throws Exception {
        cityworks.goDown();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                ids.add(submit("damaged_tree", null));
            }
            // Every task was tried, failed, and is waiting for its retry.
            await().atMost(Duration.ofSeconds(90)).until(() -> failedTasks(ids) == ids.size());
        } finally {
            cityworks.comeBack();
        }

        retryWaitingJobsNow(ids.size());

        await().atMost(Duration.ofSeconds(90)).until(() -> dispatchedTasks(ids) == ids.size());
        for (String id : ids) {
            assertThat(cityworks.requestsWithOtherSystemId(taskKeyOf(id))).as(id).hasSize(1);
        }
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundOnRetryNotMadeTwice() throws Exception {
        cityworks.loseNextResponses(1);
        String id = submit("damaged_tree", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> failedTasks(List.of(id)) == 1);

        retryWaitingJobsNow(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> dispatchedTasks(List.of(id)) == 1);
        assertThat(cityworks.requestsWithOtherSystemId(taskKeyOf(id))).hasSize(1);
    }

    @Test
    void everyRequestTypeOfTheCatalogueReachesItsDepartmentsSystem() throws Exception {
        // Service code, its required answers, and where the work lands: a Cityworks problem code, an Accela record
        // type, or (null) an email department's mailbox.
        Map<String, String> cityworksCodes = Map.of("missed_collection", "MISSED COLLECTION",
                "damaged_cart", "CART DAMAGED", "street_light_out", "STREET LIGHT OUT", "graffiti", "GRAFFITI",
                "traffic_signal_sign", "SIGN DAMAGED", "illegal_dumping", "ILLEGAL DUMPING",
                "bulky_item", "BULKY ITEM PICKUP");
        Map<String, String> accelaTypes = Map.of("abandoned_vehicle", "Abandoned Vehicle");
        Map<String, String> departmentMailboxes = Map.of("illegal_parking", "parking@demo.civic311.local",
                "dead_animal", "animal-care@demo.civic311.local");
        Map<String, List<String>> answers = Map.of(
                "missed_collection", List.of("collection", "recycling", "cart_out", "yes"),
                "damaged_cart", List.of("cart", "trash", "damage", "lid"),
                "street_light_out", List.of("lights_out", "one"),
                "graffiti", List.of("surface", "public", "offensive", "no"),
                "traffic_signal_sign", List.of("problem", "other_sign"),
                "illegal_dumping", List.of("property", "public", "hazardous", "no"),
                "bulky_item", List.of("items[]", "mattress", "item_count", "1"),
                "abandoned_vehicle", List.of("vehicle", "white Ford Focus", "days_parked", "6"),
                "illegal_parking", List.of("blocking", "bike_lane"),
                "dead_animal", List.of("location", "sidewalk"));
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<String>> type : answers.entrySet()) {
            ids.put(type.getKey(), submitAnswering(type.getKey(), type.getValue()));
        }
        // An abandoned vehicle is towed once its tagging period is over: end it now.
        String vehicle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ids.get("abandoned_vehicle"))
                .processDefinitionKey("abandoned_vehicle").singleResult().getId();
        jobs.executeJob(jobs.createJobQuery().processInstanceId(vehicle).timers().singleResult().getId());

        await().atMost(Duration.ofSeconds(60)).until(() -> dispatchedTasks(List.copyOf(ids.values())) == ids.size());
        cityworksCodes.forEach((code, problem) -> assertThat(cityworks.requestsWithOtherSystemId(taskKeyOf(ids.get(code))))
                .as(code).singleElement().extracting(r -> r.problemCode()).isEqualTo(problem));
        accelaTypes.forEach((code, type) -> assertThat(accela.records()).as(code)
                .anySatisfy(record -> assertThat(record.type()).contains(type)));
        for (Map.Entry<String, String> mailbox : departmentMailboxes.entrySet()) {
            DemoMailbox department = new DemoMailbox(mailbox.getValue(), SMTP, IMAP);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(department.inbox())
                    .anySatisfy(mail -> assertThat(mail.subject()).contains(ids.get(mailbox.getKey()))));
        }
        assertThat(request(ids.get("bulky_item")).get("agency_responsible").asText()).isEqualTo("Sanitation Department");
    }

    // --- helpers --------------------------------------------------------------------------------------------

    String submitAnswering(String serviceCode, List<String> answers) throws Exception {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", "demo-web");
        form.add("service_code", serviceCode);
        form.add("address_string", "415 W Elm St");
        for (int i = 0; i < answers.size(); i += 2) {
            String name = answers.get(i);
            form.add(name.endsWith("[]") ? "attribute[" + name.substring(0, name.length() - 2) + "][]"
                    : "attribute[" + name + "]", answers.get(i + 1));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> answer = http.postForEntity("/open311/v2/requests.json", new HttpEntity<>(form, headers),
                String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(serviceCode + ": " + answer.getBody()).isTrue();
        return json.readTree(answer.getBody()).get(0).get("service_request_id").asText();
    }

    String submit(String serviceCode, String email) throws Exception {
        return submit(serviceCode, email, null);
    }

    String submit(String serviceCode, String email, String blocking) throws Exception {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (blocking != null) {
            form.add("attribute[blocking]", blocking);
        }
        form.add("api_key", "demo-web");
        form.add("service_code", serviceCode);
        form.add("address_string", "2100 N Cannon Dr");
        form.add("description", "Large limb hanging over the sidewalk");
        if (email != null) {
            form.add("email", email);
            form.add("first_name", "Sam");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> answer = http.postForEntity("/open311/v2/requests.json", new HttpEntity<>(form, headers),
                String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
        return json.readTree(answer.getBody()).get(0).get("service_request_id").asText();
    }

    JsonNode request(String id) throws Exception {
        return json.readTree(http.getForObject("/open311/v2/requests/{id}.json", String.class, id)).get(0);
    }

    String taskKeyOf(String trackingNumber) {
        return db.sql("SELECT t.task_key FROM department_task t JOIN service_request r ON r.id = t.request_id "
                + "WHERE r.tracking_number = :id").param("id", trackingNumber).query(String.class).single();
    }

    Long cityworksRequestFor(String trackingNumber) {
        return cityworks.requestsWithOtherSystemId(taskKeyOf(trackingNumber)).stream()
                .map(r -> r.requestId()).findFirst().orElse(null);
    }

    long failedTasks(List<String> ids) {
        return tasks(ids, "t.dispatch_attempts >= 1 AND t.status = 'PLANNED'");
    }

    long dispatchedTasks(List<String> ids) {
        return tasks(ids, "t.status = 'DISPATCHED'");
    }

    long tasks(List<String> ids, String condition) {
        return db.sql("SELECT COUNT(*) FROM department_task t JOIN service_request r ON r.id = t.request_id "
                        + "WHERE r.tracking_number IN (:ids) AND " + condition)
                .param("ids", ids).query(Long.class).single();
    }

    void nudgeCityworks() {
        HttpHeaders webhook = new HttpHeaders();
        webhook.setBearerAuth("demo-cityworks-webhook-secret");
        ResponseEntity<Void> nudged = http.postForEntity("/webhooks/cityworks", new HttpEntity<>(webhook), Void.class);
        assertThat(nudged.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** What an operator does once the system is back: retry now rather than at the next backoff step. */
    void retryWaitingJobsNow(int failed) {
        // Our attempt count is committed before the engine records the failure on the job: wait for the engine.
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.createJobQuery().withException().count() >= failed);
        jobs.createJobQuery().withException().list().forEach(job -> jobs.setJobDuedate(job.getId(), new Date()));
    }

    /** A Cityworks clerk's own client, over the simulator's public API. */
    class CityworksClerk {

        private final String token;

        CityworksClerk() throws Exception {
            token = call("General/Authentication/Authenticate", Map.of("LoginName", "demo", "Password", "demo"))
                    .get("Token").asText();
        }

        JsonNode call(String path, Map<String, ?> data) throws Exception {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("data", json.writeValueAsString(data));
            if (token != null) {
                form.add("token", token);
            }
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            JsonNode envelope = json.readTree(http.postForObject("/sim/cityworks/Services/" + path,
                    new HttpEntity<>(form, headers), String.class));
            assertThat(envelope.get("Status").asInt()).as(envelope.toString()).isZero();
            return envelope.get("Value");
        }
    }

    /** A code-enforcement officer's own client, over the Accela simulator's public API. */
    class AccelaOfficer {

        private final String token;

        AccelaOfficer() throws Exception {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "password");
            form.add("client_id", "demo");
            form.add("client_secret", "demo");
            form.add("username", "demo");
            form.add("password", "demo");
            form.add("scope", "records");
            form.add("agency_name", "CIVIC311");
            form.add("environment", "TEST");
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            headers.set("x-accela-appid", "demo");
            token = json.readTree(http.postForObject("/sim/accela/oauth2/token", new HttpEntity<>(form, headers),
                    String.class)).get("access_token").asText();
        }

        String recordTagged(String tag) throws Exception {
            JsonNode found = call(HttpMethod.POST, "/v4/search/records", Map.of("shortNotes", tag));
            return found == null || found.isEmpty() ? null : found.get(0).get("id").asText();
        }

        JsonNode call(HttpMethod method, String path, Object body) throws Exception {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            headers.set("Authorization", token);
            headers.set("x-accela-appid", "demo");
            headers.set("x-accela-agency", "CIVIC311");
            headers.set("x-accela-environment", "TEST");
            ResponseEntity<String> answer = http.exchange("/sim/accela" + path, method,
                    new HttpEntity<>(body == null ? null : json.writeValueAsString(body), headers), String.class);
            assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
            return json.readTree(answer.getBody()).get("result");
        }
    }
}
