package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.orchestrator.open311.Open311Client.children;
import static org.civic311.orchestrator.open311.Open311Client.names;
import static org.civic311.orchestrator.open311.Open311Client.text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.civic311.orchestrator.request.RequestNote;
import org.civic311.orchestrator.request.ServiceRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;

/** FixMyStreet's servicerequestupdates: following what happens to requests, and adding residents' comments. */
class RequestUpdatesConformanceTest extends Open311ConformanceTest {

    @Autowired
    ServiceRequests requests;

    @Test
    void aFrontEndFollowsWhatTheCityDidInATimeWindow() {
        Instant start = Instant.now().minusSeconds(5);
        String id = submit(pothole());
        long requestId = requests.find(id).orElseThrow().id();
        requests.addNote(requestId, RequestNote.ACTIVITY, "Streets Department: Crew booked for Tuesday.", Instant.now());
        requests.close(requestId, "Filled and compacted.", Instant.now());
        String window = "?start_date=" + w3c(start) + "&end_date=" + w3c(Instant.now().plusSeconds(5));

        List<JsonNode> updates = updatesOf(id, api.get(V2 + "/servicerequestupdates.json" + window).json());

        assertThat(updates).extracting(u -> u.get("description").asText()).hasSize(3).startsWith(
                "Filled and compacted.", "Streets Department: Crew booked for Tuesday.");
        assertThat(updates.get(2).get("description").asText()).as("routed").contains("Streets Department");
        assertThat(updates).extracting(u -> u.get("status").asText()).containsExactly("closed", "open", "open");
        assertThat(updates).allSatisfy(u -> {
            assertThat(u.get("update_id").isTextual()).isTrue();
            assertThat(u.get("updated_datetime").asText()).matches(W3C_CHICAGO);
        });
        assertThat(updates).extracting(u -> u.get("update_id").asText()).doesNotHaveDuplicates();

        Element xml = api.get(V2 + "/servicerequestupdates.xml" + window).xml();
        assertThat(xml.getTagName()).isEqualTo("service_request_updates");
        Element first = children(xml).stream().filter(u -> id.equals(text(u, "service_request_id"))).findFirst().orElseThrow();
        assertThat(first.getTagName()).isEqualTo("request_update");
        assertThat(names(first)).containsExactly("update_id", "service_request_id", "status", "updated_datetime", "description");
        SparkConvention.assertSameContent(api.get(V2 + "/servicerequestupdates.json" + window),
                api.get(V2 + "/servicerequestupdates.xml" + window));

        String before = "?start_date=" + w3c(start.minusSeconds(3600)) + "&end_date=" + w3c(start);
        assertThat(updatesOf(id, api.get(V2 + "/servicerequestupdates.json" + before).json())).isEmpty();
        assertThat(updatesOf(id, api.get(V2 + "/servicerequestupdates.json").json())).as("the last 90 days").hasSize(3);
    }

    @Test
    void aResidentsCommentIsKeptOnceWhateverTheClientRetries() {
        String id = submit(pothole());
        JsonNode before = request(id, "");
        Open311Client.Form comment = comment(id, "fms-comment-17", "It has got bigger since Monday.")
                .add("status", "CLOSED").add("media_url", "https://photos.example.org/17.jpg");

        Open311Client.Answer first = api.post(V2 + "/servicerequestupdates.json", comment);
        Open311Client.Answer again = api.post(V2 + "/servicerequestupdates.json", comment);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().size()).isEqualTo(1);
        String updateId = first.json().get(0).get("update_id").asText();
        assertThat(again.json().get(0).get("update_id").asText()).isEqualTo(updateId);
        JsonNode notes = request(id, "?extensions=true").get("notes");
        assertThat(notes.findValuesAsText("type")).containsExactly("submitted", "routed", "comment");
        assertThat(notes.get(2).get("description").asText())
                .isEqualTo("It has got bigger since Monday.\n\nPhoto: https://photos.example.org/17.jpg");
        JsonNode after = request(id, "");
        assertThat(after.get("status").asText()).as("a resident does not close a request").isEqualTo("open");
        assertThat(after.get("status_notes")).isEqualTo(before.get("status_notes"));
        assertThat(after.get("updated_datetime")).isEqualTo(before.get("updated_datetime"));
        JsonNode listed = updatesOf(id, api.get(V2 + "/servicerequestupdates.json").json()).get(0);
        assertThat(listed.get("update_id").asText()).as("what the client was told").isEqualTo(updateId);
        assertThat(listed.get("status").asText()).isEqualTo("open");

        String fromAnotherClient = api.post(V2 + "/servicerequestupdates.json",
                comment(id, "fms-comment-17", "Same id, other client").set("api_key", PHONE_KEY)).json().get(0)
                .get("update_id").asText();
        assertThat(fromAnotherClient).isNotEqualTo(updateId);
    }

    @Test
    void fixMyStreetsExtendedModeNamesItsCommentUpdateIdExtAndTheAnswerMayBeXml() {
        String id = submit(pothole());
        Open311Client.Form comment = comment(id, null, "Still there.").add("update_id_ext", "4242")
                .add("service_request_id_ext", "981").add("public_anonymity_required", "TRUE");

        Element xml = api.post(V2 + "/servicerequestupdates.xml", comment).xml();

        assertThat(xml.getTagName()).isEqualTo("service_request_updates");
        Element receipt = children(xml).get(0);
        assertThat(receipt.getTagName()).isEqualTo("request_update");
        assertThat(names(receipt)).containsExactly("update_id");
        assertThat(text(children(api.post(V2 + "/servicerequestupdates.xml", comment).xml()).get(0), "update_id"))
                .isEqualTo(text(receipt, "update_id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void aCommentIsRefusedWithTheSpecsErrorsAndNothingIsStored(String format) {
        String id = submit(pothole());
        String path = V2 + "/servicerequestupdates." + format;
        long notes = notes();

        Open311Client.Answer noKey = api.post(path, comment(id, "1", "Hello").without("api_key"));
        Open311Client.Answer unknown = api.post(path, comment("SR-1999-000001", "1", "Hello"));
        Open311Client.Answer empty = api.post(path, Open311Client.Form.of("api_key", WEB_KEY));
        Open311Client.Answer wrong = api.post(path, comment(id, "2", "<a href=x>spam</a>").add("status", "RESOLVED_BY_MAGIC")
                .set("updated_datetime", "Tuesday").add("media_url", "ftp://example.org/x.jpg"));

        assertThat(noKey.status()).isEqualTo(403);
        assertThat(noKey.errors()).containsExactly("api_key is required.");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errors()).containsExactly("No service request SR-1999-000001.");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errors()).containsExactlyInAnyOrder("service_request_id is required.", "update_id is required.",
                "description is required.");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errors()).hasSize(4).contains("description may not contain HTML.",
                "updated_datetime must be a W3C datetime with a time zone, such as 2026-05-01T00:00:00Z.",
                "media_url must be an http or https URL of at most 2000 characters.");
        assertThat(wrong.errors()).anyMatch(e -> e.startsWith("status must be one of ACTION_SCHEDULED, CLOSED, "));
        assertThat(notes()).isEqualTo(notes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void aClosedRequestTakesNoNewCommentsButARetryOfAnEarlierOneIsStillAnswered(String format) {
        String id = submit(pothole());
        String path = V2 + "/servicerequestupdates." + format;
        Open311Client.Answer before = api.post(path, comment(id, "before-closing", "Thanks for coming so soon."));
        requests.close(requests.find(id).orElseThrow().id(), "Filled and compacted.", Instant.now());
        long notes = notes();

        Open311Client.Answer after = api.post(path, comment(id, "after-closing", "It is back."));
        Open311Client.Answer retried = api.post(path, comment(id, "before-closing", "Thanks for coming so soon."));

        assertThat(after.status()).isEqualTo(400);
        assertThat(after.errors()).containsExactly(
                "Service request " + id + " is closed; comments are taken on open requests only.");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(before.body());
        assertThat(notes()).isEqualTo(notes);
    }

    @Test
    void aCommentMayBeAtMost2000Characters() {
        String id = submit(pothole());
        long notes = notes();

        Open311Client.Answer tooLong = api.post(V2 + "/servicerequestupdates.json", comment(id, "long-1", "x".repeat(2001)));
        Open311Client.Answer longest = api.post(V2 + "/servicerequestupdates.json", comment(id, "long-2", "x".repeat(2000)));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errors()).containsExactly("description may be at most 2000 characters.");
        assertThat(longest.status()).as(longest.body()).isEqualTo(200);
        assertThat(notes()).isEqualTo(notes + 1);
    }

    @Test
    void theWindowIsAtMost90Days() {
        Open311Client.Answer answer = api.get(V2 + "/servicerequestupdates.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errors()).containsExactly("start_date and end_date may not span more than 90 days.");
    }

    static Open311Client.Form comment(String serviceRequestId, String updateId, String description) {
        Open311Client.Form form = Open311Client.Form.of("api_key", WEB_KEY, "service_request_id", serviceRequestId,
                "updated_datetime", "2026-05-01T10:00:00+01:00", "description", description,
                "email", "commenter@example.org", "first_name", "Carl", "last_name", "Commenter");
        return updateId == null ? form : form.add("update_id", updateId);
    }

    static List<JsonNode> updatesOf(String id, JsonNode updates) {
        assertThat(updates.isArray()).isTrue();
        List<JsonNode> of = new java.util.ArrayList<>();
        updates.forEach(u -> {
            if (id.equals(u.get("service_request_id").asText())) {
                of.add(u);
            }
        });
        return of;
    }

    long notes() {
        return db.sql("SELECT COUNT(*) FROM request_note").query(Long.class).single();
    }

    static String w3c(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).withNano(0).toString();
    }
}
