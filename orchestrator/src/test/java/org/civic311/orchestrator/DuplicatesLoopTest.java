package org.civic311.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
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

import jakarta.mail.internet.MimeMessage;

/**
 * Duplicate reports end to end over HTTP, SMTP and IMAP, on the mail server of {@link WholeLoopTest}: three
 * neighbours report one pothole, Streets gets one email, one DONE reply closes all three reports and every
 * reporter and follower hears back once, in their language; staff unlink a duplicate (a second task) and link it again
 * (its task withdrawn).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic311.duplicates.detect-at-intake=true",
        "civic311.departments.forestry.name=Urban Forestry",
        "civic311.staff.users[0].id=streets-supervisor",
        "civic311.staff.users[0].password=streets-pw-1",
        "civic311.staff.users[0].groups=supervisors-streets",
        "civic311.staff.users[1].id=forestry-supervisor",
        "civic311.staff.users[1].password=forestry-pw-2",
        "civic311.staff.users[1].groups=supervisors-forestry"})
@ActiveProfiles("e2e")
@DirtiesContext
class DuplicatesLoopTest {

    /** About 10 m north, at Chicago's latitude. */
    static final double TEN_METRES = 0.00009;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        WholeLoopTest.mailServer(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient db;
    @Autowired
    RuntimeService runtime;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void emptyMailboxes() throws Exception {
        WholeLoopTest.MAIL.purgeEmailFromAllMailboxes();
    }

    @Test
    void threeNeighboursReportOnePotholeAndAllHearBackAfterOneRepair() throws Exception {
        String first = submit(reportAt(41.90, "one@example.org", null));
        MimeMessage work = awaitMessage(WholeLoopTest.STREETS, first, "");
        String second = submit(reportAt(41.90 + TEN_METRES, "dos@example.org", "es"));
        String third = submit(reportAt(41.90 + 2 * TEN_METRES, "three@example.org", null));
        assertThat(List.of(first, second, third)).doesNotHaveDuplicates().allMatch(id -> id.matches("SR-\\d{4}-\\d{6}"));
        assertThat(follow(first, "four@example.org").getStatusCode()).isEqualTo(HttpStatus.OK);
        // The Spanish neighbour hears at once, in Spanish, which report theirs was joined to.
        MimeMessage linked = awaitMessage("dos@example.org", second, "se unió");
        assertThat(body(linked)).contains(first);

        WholeLoopTest.reply(work, WholeLoopTest.STREETS, "DONE\nFilled and compacted.");

        for (String id : List.of(first, second, third)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(request(id).get("status").asText()).isEqualTo("closed"));
            assertThat(request(id).get("status_notes").asText()).isEqualTo("Filled and compacted.");
        }
        assertThat(body(awaitMessage("one@example.org", first, "closed"))).contains("Filled and compacted.");
        assertThat(body(awaitMessage("dos@example.org", second, "cerrado"))).contains("Filled and compacted.");
        assertThat(body(awaitMessage("three@example.org", third, "closed"))).contains("Filled and compacted.");
        assertThat(body(awaitMessage("four@example.org", first, "closed"))).contains("Filled and compacted.");
        assertThat(workFor(List.of(first, second, third))).hasSize(1);
        for (String neighbour : List.of("one@example.org", "dos@example.org", "three@example.org", "four@example.org")) {
            assertThat(WholeLoopTest.messagesTo(neighbour)).filteredOn(m -> WholeLoopTest.subject(m).contains("closed")
                    || WholeLoopTest.subject(m).contains("cerrado")).as(neighbour).hasSize(1);
        }
    }

    @Test
    void staffUnlinkADuplicateToSendItOnItsOwnAndLinkItAgainToWithdrawItsTask() throws Exception {
        String parent = submit(reportAt(41.92, "parent@example.org", null));
        awaitMessage(WholeLoopTest.STREETS, parent, "");
        String duplicate = submit(reportAt(41.92 + TEN_METRES, "neighbour@example.org", null));
        assertThat(parentOf(duplicate)).isEqualTo(parent);

        ResponseEntity<String> unlinked = staff("streets-supervisor", "streets-pw-1")
                .exchange("/staff/api/requests/{id}/duplicate-of", HttpMethod.DELETE, null, String.class, duplicate);
        assertThat(unlinked.getStatusCode()).as(unlinked.getBody()).isEqualTo(HttpStatus.OK);
        awaitMessage(WholeLoopTest.STREETS, duplicate, "");
        assertThat(parentOf(duplicate)).isNull();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(taskStatuses(duplicate)).containsExactly("DISPATCHED"));

        // Another department's supervisor may not; the request's own may.
        assertThat(mark("forestry-supervisor", "forestry-pw-2", duplicate, parent).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/staff/api/requests/{id}/duplicate-of?parent={p}", null, String.class,
                duplicate, parent).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> marked = mark("streets-supervisor", "streets-pw-1", duplicate, parent);
        assertThat(marked.getStatusCode()).as(marked.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(marked.getBody()).get("parent_service_request_id").asText()).isEqualTo(parent);
        assertThat(parentOf(duplicate)).isEqualTo(parent);
        assertThat(taskStatuses(duplicate)).containsExactly("CANCELLED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(duplicate).active().count()).isZero();
        assertThat(request(duplicate).get("status").asText()).isEqualTo("open");
        // Streets is told its second task is withdrawn, and gets no more work.
        await().atMost(Duration.ofSeconds(30)).until(() -> WholeLoopTest.messagesTo(WholeLoopTest.STREETS).stream()
                .anyMatch(m -> WholeLoopTest.subject(m).startsWith("Withdrawn")
                        && body(m).contains("Duplicate of " + parent)));
        assertThat(workFor(List.of(parent, duplicate))).hasSize(2);
    }

    @Test
    void aSelfLinkACycleOrAnUnknownParentIsRefusedAndChangesNothing() throws Exception {
        String parent = submit(reportAt(41.94, "parent@example.org", null));
        String duplicate = submit(reportAt(41.94 + TEN_METRES, "neighbour@example.org", null));
        assertThat(parentOf(duplicate)).isEqualTo(parent);

        assertRefused(mark("e2eadmin", "e2e-admin-password", duplicate, duplicate), HttpStatus.BAD_REQUEST,
                "A request cannot be a duplicate of itself (" + duplicate + ").");
        assertRefused(mark("e2eadmin", "e2e-admin-password", parent, duplicate), HttpStatus.BAD_REQUEST,
                duplicate + " is itself a duplicate of " + parent + ": the link would make a cycle. Unlink "
                        + duplicate + " first.");
        assertRefused(mark("e2eadmin", "e2e-admin-password", duplicate, "SR-1999-000001"), HttpStatus.NOT_FOUND,
                "No request SR-1999-000001.");
        assertRefused(mark("e2eadmin", "e2e-admin-password", duplicate, ""), HttpStatus.BAD_REQUEST,
                "Give the tracking number of the request it duplicates (parent).");
        assertRefused(staff("e2eadmin", "e2e-admin-password").exchange("/staff/api/requests/{id}/duplicate-of",
                HttpMethod.DELETE, null, String.class, parent), HttpStatus.BAD_REQUEST,
                parent + " is no duplicate: there is no link to remove.");

        assertThat(parentOf(duplicate)).isEqualTo(parent);
        assertThat(parentOf(parent)).isNull();
        assertThat(taskStatuses(duplicate)).isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    static MultiValueMap<String, String> reportAt(double lat, String email, String language) {
        MultiValueMap<String, String> form = WholeLoopTest.pothole();
        form.set("lat", String.valueOf(lat));
        form.set("long", "-87.65");
        form.set("email", email);
        form.remove("phone");
        if (language != null) {
            form.set("language", language);
        }
        return form;
    }

    String submit(MultiValueMap<String, String> form) throws Exception {
        ResponseEntity<String> answer = post("/open311/v2/requests.json", form);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody()).get(0).get("service_request_id").asText();
    }

    ResponseEntity<String> follow(String id, String email) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", "test-web-key");
        form.add("email", email);
        return post("/open311/v2/requests/" + id + "/followers.json", form);
    }

    ResponseEntity<String> post(String path, MultiValueMap<String, String> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return http.postForEntity(path, new HttpEntity<>(form, headers), String.class);
    }

    JsonNode request(String id) throws Exception {
        return json.readTree(http.getForObject("/open311/v2/requests/{id}.json?extensions=true", String.class, id)).get(0);
    }

    String parentOf(String id) throws Exception {
        JsonNode parent = request(id).get("extended_attributes").get("parent_service_request_id");
        return parent == null ? null : parent.asText();
    }

    TestRestTemplate staff(String user, String password) {
        return http.withBasicAuth(user, password);
    }

    ResponseEntity<String> mark(String user, String password, String id, String parent) {
        return staff(user, password).postForEntity("/staff/api/requests/{id}/duplicate-of?parent={p}", null,
                String.class, id, parent);
    }

    void assertRefused(ResponseEntity<String> answer, HttpStatus status, String description) throws Exception {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(status);
        JsonNode errors = json.readTree(answer.getBody());
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(status.value());
        assertThat(errors.get(0).get("description").asText()).isEqualTo(description);
    }

    List<String> taskStatuses(String id) {
        return db.sql("SELECT t.status FROM department_task t JOIN service_request r ON r.id = t.request_id "
                + "WHERE r.tracking_number = :id ORDER BY t.id").param("id", id).query(String.class).list();
    }

    static MimeMessage awaitMessage(String address, String id, String subjectWords) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> WholeLoopTest.messagesTo(address).stream()
                .filter(m -> WholeLoopTest.subject(m).contains(id) && WholeLoopTest.subject(m).contains(subjectWords))
                .findFirst().orElse(null), m -> m != null);
    }

    /**
     * The work emails Streets got for these requests, withdrawals left out. Only theirs: another test's dispatch may
     * reach the shared mailbox after this test emptied it.
     */
    static List<MimeMessage> workFor(List<String> ids) {
        return WholeLoopTest.messagesTo(WholeLoopTest.STREETS).stream()
                .filter(m -> !WholeLoopTest.subject(m).startsWith("Withdrawn"))
                .filter(m -> ids.stream().anyMatch(WholeLoopTest.subject(m)::contains)).toList();
    }

    static String body(MimeMessage message) {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
    }
}
