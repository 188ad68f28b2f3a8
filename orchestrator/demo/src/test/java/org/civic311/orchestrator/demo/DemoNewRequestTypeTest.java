package org.civic311.orchestrator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * README's "Change the rules while it runs", step by step against the demo: a process owner deploys the example
 * request type (docs/examples) and its routing rule in one call, and residents can report it at once, routed by the
 * new rule, with no restart.
 */
class DemoNewRequestTypeTest {

    static final int PORT = DemoInstallation.freePort();
    static final Path EXAMPLES = Path.of("../../docs/examples");

    static ConfigurableApplicationContext demo;
    final ObjectMapper json = new ObjectMapper();
    final RestClient http = RestClient.builder().baseUrl("http://localhost:" + PORT)
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
            .build();

    @BeforeAll
    static void startTheDemo() {
        demo = DemoInstallation.start(PORT, List.of("spring.datasource.url=jdbc:h2:mem:demo-new-type-" + PORT
                + ";DB_CLOSE_DELAY=-1"));
    }

    @AfterAll
    static void stopTheDemo() {
        demo.close();
    }

    @Test
    void theExampleTypeDeployedWithItsRuleIsOfferedAndRoutedByThatRuleWithNoRestart() throws Exception {
        assertThat(services()).doesNotContain("\"shopping_cart\"");

        ResponseEntity<String> deployed = deploy("shopping-carts",
                "model", new FileSystemResource(EXAMPLES.resolve("shopping_cart.bpmn")),
                "rules", new FileSystemResource(EXAMPLES.resolve("shopping-carts.drl")));
        assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
        assertThat(services()).contains("\"shopping_cart\"");

        JsonNode several = report("several");
        JsonNode one = report("one");
        assertThat(several.path("service_notice").asText()).startsWith("Streets Department will take care of it by");
        assertThat(one.path("service_notice").asText()).startsWith("Streets Department will take care of it by");
        assertThat(expectedAt(several)).as("several carts: the rule's P2 row, three business days, before P3's ten")
                .isBefore(expectedAt(one));
    }

    @Test
    void aRuleFileThatDoesNotCompileIsRefusedAndTheRequestTypesRoutingStays() throws Exception {
        ResponseEntity<String> refused = deploy("broken-rules", "rules", new ByteArrayResource(
                "package rules.routing;\nrule \"broken\" when RoutingRequest( then end".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "streets.drl";
            }
        });
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);

        JsonNode pothole = submit("pothole", "attribute[hazard]", "no");
        assertThat(pothole.path("service_notice").asText()).startsWith("Streets Department");
    }

    private String services() {
        return http.get().uri("/open311/v2/services.json").retrieve().body(String.class);
    }

    /** One deployment, as the Modeler or curl sends it: each file in a form part of its own name. */
    private ResponseEntity<String> deploy(String name, Object... partsAndFiles) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", name);
        for (int i = 0; i < partsAndFiles.length; i += 2) {
            form.add((String) partsAndFiles[i], partsAndFiles[i + 1]);
        }
        return post(form);
    }

    private ResponseEntity<String> post(MultiValueMap<String, Object> form) {
        return http.post().uri("/engine-rest/deployment/create")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().toEntity(String.class);
    }

    private JsonNode report(String carts) throws Exception {
        return submit("shopping_cart", "attribute[carts]", carts);
    }

    private JsonNode submit(String serviceCode, String attribute, String answer) throws Exception {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", "demo-web");
        form.add("service_code", serviceCode);
        form.add(attribute, answer);
        form.add("address_string", "121 N LaSalle St");
        form.add("email", "resident@example.org");
        ResponseEntity<String> answered = http.post().uri("/open311/v2/requests.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().toEntity(String.class);
        assertThat(answered.getStatusCode().value()).as(answered.getBody()).isEqualTo(200);
        return json.readTree(answered.getBody()).get(0);
    }

    /** The expected date the resident is given for the request. */
    private Instant expectedAt(JsonNode created) {
        String tracking = created.path("service_request_id").asText();
        JsonNode request = http.get().uri("/open311/v2/requests/{tn}.json", tracking).retrieve()
                .body(JsonNode.class).get(0);
        return OffsetDateTime.parse(request.path("expected_datetime").asText()).toInstant();
    }
}
