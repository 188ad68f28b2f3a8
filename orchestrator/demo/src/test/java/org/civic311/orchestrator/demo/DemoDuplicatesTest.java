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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * README's "Three neighbours, one pothole, one repair, everyone told" on the demo, over HTTP, SMTP and IMAP only,
 * with README's own service code, places, API key and addresses: three reports of one pothole make three tracking
 * numbers and one work email to Streets; one DONE reply closes all three and each neighbour hears back once.
 */
class DemoDuplicatesTest {

    static final int PORT = DemoInstallation.freePort();
    static final String STREETS = "streets@demo.civic311.local";

    static ConfigurableApplicationContext demo;
    static int smtp;
    static int imap;

    final HttpClient client = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startTheDemo() {
        demo = DemoInstallation.start(PORT, List.of("spring.datasource.url=jdbc:h2:mem:demo-duplicates-" + PORT
                + ";DB_CLOSE_DELAY=-1"));
        smtp = demo.getEnvironment().getRequiredProperty("civic311.demo.mail-server.smtp-port", Integer.class);
        imap = demo.getEnvironment().getRequiredProperty("civic311.demo.mail-server.imap-port", Integer.class);
    }

    @AfterAll
    static void stopTheDemo() {
        demo.close();
    }

    @Test
    void threeNeighboursReportOnePotholeAndAllThreeHearBackAfterOneRepair() throws Exception {
        DemoMailbox streets = new DemoMailbox(STREETS, smtp, imap);

        // 1. The first neighbour reports it: Streets gets the work email.
        String first = report("lat=41.8790", "long=-87.6358", "address_string=200 W Adams St",
                "email=ana@example.org");
        String work = await().atMost(Duration.ofSeconds(60)).until(() -> workEmailsAbout(streets, first), w -> w.size() == 1)
                .get(0);

        // 2. The second neighbour's app asks what is already reported within 50 m: the open first report.
        JsonNode nearby = json.readTree(get("/open311/v2/requests.json?lat=41.87909&long=-87.6358&radius=50"
                + "&service_code=pothole"));
        assertThat(nearby).extracting(r -> r.get("service_request_id").asText()).containsExactly(first);
        assertThat(nearby.get(0).get("status").asText()).isEqualTo("open");
        // They report it anyway, in Spanish, 10 m away, and are told at once which report it follows.
        HttpResponse<String> second = post("/open311/v2/requests.json", "lat=41.87909", "long=-87.6358",
                "email=beto@example.org", "language=es");
        assertThat(json.readTree(second.body()).get(0).get("service_notice").asText()).contains(first);
        String secondId = json.readTree(second.body()).get(0).get("service_request_id").asText();

        // 3. The third neighbour reports it too, 8 m east.
        String third = report("lat=41.8790", "long=-87.6357", "email=cora@example.org");

        assertThat(List.of(first, secondId, third)).doesNotHaveDuplicates();
        for (String duplicate : List.of(secondId, third)) {
            JsonNode extended = request(duplicate).get("extended_attributes");
            assertThat(extended.get("duplicate").asBoolean()).as(duplicate).isTrue();
            assertThat(extended.get("parent_service_request_id").asText()).as(duplicate).isEqualTo(first);
        }

        // 4. Streets replies DONE to its one work email.
        streets.send("civic311@demo.civic311.local", "Re: " + work, "DONE Filled and compacted.");

        // 5. All three are closed, and each neighbour hears back once, in their own mailbox and language.
        for (String id : List.of(first, secondId, third)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(request(id).get("status").asText()).as(id).isEqualTo("closed"));
        }
        Map<String, String> closureOf = Map.of("ana@example.org", first, "beto@example.org", secondId,
                "cora@example.org", third);
        Map<String, String> firstMailSays = Map.of("ana@example.org", "received", "beto@example.org", "se unió",
                "cora@example.org", "joined");
        for (Map.Entry<String, String> neighbour : closureOf.entrySet()) {
            DemoMailbox mailbox = new DemoMailbox(neighbour.getKey(), smtp, imap);
            await().atMost(Duration.ofSeconds(60)).until(() -> closureNotices(mailbox).size() >= 1);
            // Give a second notice the time to arrive if one were coming.
            Thread.sleep(Duration.ofSeconds(3).toMillis());
            List<DemoMailbox.Mail> notices = closureNotices(mailbox);
            assertThat(notices).as(neighbour.getKey()).hasSize(1);
            assertThat(notices.get(0).subject()).contains(neighbour.getValue());
            assertThat(notices.get(0).body()).contains("Filled and compacted.");
            // As README reads them: the closure is each mailbox's second mail, after the receipt or the "joined" notice.
            List<DemoMailbox.Mail> inbox = mailbox.inbox();
            assertThat(inbox.get(1)).as(neighbour.getKey()).isEqualTo(notices.get(0));
            assertThat(inbox.get(0).subject()).as(neighbour.getKey()).contains(neighbour.getValue())
                    .contains(firstMailSays.get(neighbour.getKey()));
        }
        assertThat(closureNotices(new DemoMailbox("beto@example.org", smtp, imap)).get(0).subject()).contains("cerrado");
        assertThat(streets.inbox()).filteredOn(mail -> mail.subject().contains(first) || mail.subject().contains(secondId)
                || mail.subject().contains(third)).as("one work email for three reports").hasSize(1);
        // Closed, the pothole is no longer offered to the next neighbour.
        assertThat(json.readTree(get("/open311/v2/requests.json?lat=41.87909&long=-87.6358&radius=50"
                + "&service_code=pothole"))).isEmpty();
    }

    static List<DemoMailbox.Mail> closureNotices(DemoMailbox resident) throws Exception {
        return resident.inbox().stream().filter(m -> m.subject().contains("is closed")
                || m.subject().contains("está cerrado")).toList();
    }

    static List<String> workEmailsAbout(DemoMailbox department, String id) throws Exception {
        return department.inbox().stream().map(DemoMailbox.Mail::subject).filter(s -> s.contains(id)).toList();
    }

    /** README's report: the demo web app's key, a pothole that is no hazard, and the neighbour's own fields. */
    String report(String... fields) throws Exception {
        return json.readTree(post("/open311/v2/requests.json", fields).body()).get(0).get("service_request_id").asText();
    }

    HttpResponse<String> post(String path, String... fields) throws Exception {
        StringBuilder form = new StringBuilder("api_key=demo-web&service_code=pothole&")
                .append(encode("attribute[hazard]")).append("=no");
        for (String field : fields) {
            int eq = field.indexOf('=');
            form.append('&').append(encode(field.substring(0, eq))).append('=').append(encode(field.substring(eq + 1)));
        }
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    JsonNode request(String id) throws Exception {
        return json.readTree(get("/open311/v2/requests/" + id + ".json?extensions=true")).get(0);
    }

    String get(String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    static URI uri(String path) {
        return URI.create("http://localhost:" + PORT + path);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
