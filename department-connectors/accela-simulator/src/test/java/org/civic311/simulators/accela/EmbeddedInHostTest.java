package org.civic311.simulators.accela;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.civic311.simulators.accela.AccelaHttp.Reply;
import org.civic311.simulators.host.HostEndpoints;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

/**
 * The simulator inside a host application with opinions of its own, like the orchestrator: Jackson set to
 * drop nulls and to snake_case, and a catch-all exception handler. Accela's shapes must not change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic311.simulators.accela.enabled=true",
        "spring.jackson.default-property-inclusion=non_null",
        "spring.jackson.property-naming-strategy=SNAKE_CASE"})
@Import(HostEndpoints.class)
class EmbeddedInHostTest {

    @LocalServerPort
    int port;

    @Test
    void accelaShapesSurviveTheHostsJacksonSettingsAndErrorHandling() {
        AccelaHttp accela = new AccelaHttp(port).login();

        Reply page = accela.post("/v4/search/records", Map.of());
        Reply error = accela.get("/v4/records/CIVIC311-26CAP-00000-ZZZZZ");

        assertThat(page.json().get("page").has("hasmore")).isTrue();
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.at("/code")).isEqualTo("resource_not_found");
        assertThat(error.json().has("more")).as("more: null is kept").isTrue();
        assertThat(error.json().has("traceId")).isTrue();
    }

    @Test
    void theHostKeepsItsOwnErrorHandling() {
        int status = RestClient.create("http://localhost:" + port).get().uri("/host/fails")
                .exchange((request, response) -> response.getStatusCode().value());

        assertThat(status).isEqualTo(418);
    }
}
