package org.civic311.orchestrator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.civic311.simulators.cityworks.CityworksRequest;
import org.civic311.simulators.cityworks.CityworksSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Production and a staging installation (or a production database restored from last week's backup) send work to
 * the same Cityworks test site. Each has its own database, so their department tasks have the same numeric ids;
 * neither may take the other's service request for its own.
 */
class TwoInstallationsOnOneSiteTest {

    static final int PRODUCTION_PORT = DemoInstallation.freePort();

    static ConfigurableApplicationContext production;
    static ConfigurableApplicationContext staging;

    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startBoth() {
        // Production hosts the demo's Cityworks simulator: the shared test site.
        production = start("production", PRODUCTION_PORT);
        staging = start("staging", DemoInstallation.freePort(),
                "civic311.simulators.cityworks.enabled=false",
                "civic311.simulators.accela.enabled=false",
                "civic311.connectors.cityworks.base-url=http://localhost:" + PRODUCTION_PORT + "/sim/cityworks",
                "civic311.connectors.accela.auth-url=http://localhost:" + PRODUCTION_PORT + "/sim/accela",
                "civic311.connectors.accela.api-url=http://localhost:" + PRODUCTION_PORT + "/sim/accela");
    }

    @AfterAll
    static void stopBoth() {
        if (staging != null) {
            staging.close();
        }
        if (production != null) {
            production.close();
        }
    }

    @Test
    void eachInstallationGetsItsOwnServiceRequestAndOnlyItsOwnClosesItsRequest() throws Exception {
        String inProduction = submit(production, "Limb down on Cannon Dr");
        String inStaging = submit(staging, "Staging test: limb down");
        assertThat(taskIdOf(production, inProduction)).isEqualTo(taskIdOf(staging, inStaging));

        CityworksSimulator site = production.getBean(CityworksSimulator.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> site.requests().size() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> dispatched(production, inProduction)
                && dispatched(staging, inStaging));
        List<CityworksRequest> productionItems = site.requestsWithOtherSystemId(taskKeyOf(production, inProduction));
        List<CityworksRequest> stagingItems = site.requestsWithOtherSystemId(taskKeyOf(staging, inStaging));
        assertThat(productionItems).hasSize(1);
        assertThat(stagingItems).hasSize(1);
        assertThat(productionItems.get(0).requestBase().get("Details").toString()).contains("Limb down on Cannon Dr");
        assertThat(stagingItems.get(0).requestBase().get("Details").toString()).contains("Staging test");
        assertThat(externalIdOf(staging, inStaging)).isEqualTo("SR:" + stagingItems.get(0).requestId());

        site.closeRequest(stagingItems.get(0).requestId(), "Staging only");

        await().atMost(Duration.ofSeconds(30)).until(() -> "closed".equals(status(staging, inStaging)));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> "open".equals(status(production, inProduction)));
    }

    static ConfigurableApplicationContext start(String name, int port, String... more) {
        List<String> settings = new ArrayList<>(List.of(
                "spring.datasource.url=jdbc:h2:mem:" + name + "-" + port + ";DB_CLOSE_DELAY=-1",
                "civic311.dispatch.poll-interval=500ms"));
        settings.addAll(List.of(more));
        return DemoInstallation.start(port, settings);
    }

    String submit(ConfigurableApplicationContext installation, String description) throws Exception {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", "demo-web");
        form.add("service_code", "damaged_tree");
        form.add("address_string", "2100 N Cannon Dr");
        form.add("description", description);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> answer = http(installation).postForEntity("/open311/v2/requests.json",
                new HttpEntity<>(form, headers), String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
        return json.readTree(answer.getBody()).get(0).get("service_request_id").asText();
    }

    String status(ConfigurableApplicationContext installation, String id) throws Exception {
        JsonNode request = json.readTree(http(installation).getForObject("/open311/v2/requests/{id}.json",
                String.class, id)).get(0);
        return request.get("status").asText();
    }

    static TestRestTemplate http(ConfigurableApplicationContext installation) {
        return new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:" + installation.getEnvironment().getProperty("local.server.port")));
    }

    static long taskIdOf(ConfigurableApplicationContext installation, String trackingNumber) {
        return task(installation, trackingNumber, "t.id", Long.class);
    }

    static String taskKeyOf(ConfigurableApplicationContext installation, String trackingNumber) {
        return task(installation, trackingNumber, "t.task_key", String.class);
    }

    static String externalIdOf(ConfigurableApplicationContext installation, String trackingNumber) {
        return task(installation, trackingNumber, "t.external_id", String.class);
    }

    static boolean dispatched(ConfigurableApplicationContext installation, String trackingNumber) {
        return "DISPATCHED".equals(task(installation, trackingNumber, "t.status", String.class));
    }

    static <T> T task(ConfigurableApplicationContext installation, String trackingNumber, String column, Class<T> type) {
        return installation.getBean(JdbcClient.class)
                .sql("SELECT " + column + " FROM department_task t JOIN service_request r ON r.id = t.request_id "
                        + "WHERE r.tracking_number = :id")
                .param("id", trackingNumber).query(type).single();
    }
}
