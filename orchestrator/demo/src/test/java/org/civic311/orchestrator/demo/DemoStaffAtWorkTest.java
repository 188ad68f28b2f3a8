package org.civic311.orchestrator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civic311.orchestrator.demo.DemoInstallation.freePort;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.civic311.simulators.accela.AccelaSimulator;
import org.civic311.simulators.cityworks.CityworksSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo under load (the benchmark): the simulated departments finish each piece of work a set time after it
 * arrived, in Cityworks, in Accela and by answering the work email DONE, so every request closes by itself and
 * its resident hears back once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class DemoStaffAtWorkTest {

    static final int HTTP = freePort();
    static final int SMTP = freePort();
    static final int IMAP = freePort();
    static final Duration FINISH_AFTER = Duration.ofSeconds(3);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> HTTP);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:demo-" + HTTP + ";DB_CLOSE_DELAY=-1");
        registry.add("civic311.demo.mail-server.smtp-port", () -> SMTP);
        registry.add("civic311.demo.mail-server.imap-port", () -> IMAP);
        registry.add("civic311.dispatch.poll-interval", () -> "500ms");
        registry.add("camunda.bpm.job-execution.max-wait", () -> "1000");
        registry.add("civic311.simulators.cityworks.staff-finish-after", FINISH_AFTER::toString);
        registry.add("civic311.simulators.accela.staff-finish-after", FINISH_AFTER::toString);
        registry.add("civic311.demo.mail-server.staff.finish-after", FINISH_AFTER::toString);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    CityworksSimulator cityworks;
    @Autowired
    AccelaSimulator accela;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void eachDepartmentFinishesItsWorkAfterTheSetTimeAndEveryResidentHearsOnce() throws Exception {
        Instant submitted = Instant.now();
        List<String> ids = List.of(submit("pothole", "pothole@example.org"), submit("damaged_tree", "tree@example.org"),
                submit("high_weeds", "weeds@example.org"));

        // Not before the set time: the staff wait, as a crew takes its time.
        Thread.sleep(FINISH_AFTER.minusMillis(1000).toMillis());
        for (String id : ids) {
            assertThat(request(id).get("status").asText()).isEqualTo("open");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String id : ids) {
                assertThat(request(id).get("status").asText()).as(id).isEqualTo("closed");
            }
        });
        assertThat(Duration.between(submitted, Instant.now())).isGreaterThanOrEqualTo(FINISH_AFTER);
        assertThat(cityworks.finishedByStaff()).isEqualTo(1);
        assertThat(accela.finishedByStaff()).isEqualTo(1);
        assertThat(cityworks.requests()).singleElement().satisfies(r -> assertThat(r.closed()).isTrue());
        for (String resident : List.of("pothole@example.org", "tree@example.org", "weeds@example.org")) {
            DemoMailbox mailbox = new DemoMailbox(resident, SMTP, IMAP);
            await().atMost(Duration.ofSeconds(30)).until(() -> closureNotices(mailbox) == 1);
        }
        // The Streets clerk answered its one work email once.
        assertThat(request(ids.get(0)).get("status_notes").asText()).contains("Done by the demo's crew.");
    }

    long closureNotices(DemoMailbox resident) throws Exception {
        return resident.inbox().stream().filter(m -> m.subject().contains("closed")).count();
    }

    String submit(String serviceCode, String email) throws Exception {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", "demo-web");
        form.add("service_code", serviceCode);
        form.add("address_string", "2100 N Cannon Dr");
        form.add("description", "Seen this morning");
        form.add("email", email);
        if (serviceCode.equals("pothole")) {
            form.add("attribute[hazard]", "no");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> answer = http.postForEntity("/open311/v2/requests.json", new HttpEntity<>(form, headers),
                String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return json.readTree(answer.getBody()).get(0).get("service_request_id").asText();
    }

    JsonNode request(String id) throws Exception {
        return json.readTree(http.getForObject("/open311/v2/requests/{id}.json", String.class, id)).get(0);
    }
}
