package org.civic311.orchestrator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.civic311.simulators.accela.AccelaSimulator;
import org.civic311.simulators.cityworks.CityworksSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The health checks of the demo's department systems, over real HTTP against its Cityworks and Accela simulators
 * and its mail server: each is UP while it answers and takes the login, and DOWN, naming the failure, while its
 * simulator is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class DemoHealthTest {

    /** A fixed port: the demo's connectors reach its simulators at http://localhost:${server.port}/sim/. */
    static final int HTTP = DemoInstallation.freePort();
    static final int SMTP = DemoInstallation.freePort();
    static final int IMAP = DemoInstallation.freePort();

    @DynamicPropertySource
    static void freePorts(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> HTTP);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:demo-" + HTTP + ";DB_CLOSE_DELAY=-1");
        registry.add("civic311.demo.mail-server.smtp-port", () -> SMTP);
        registry.add("civic311.demo.mail-server.imap-port", () -> IMAP);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    CityworksSimulator cityworks;
    @Autowired
    AccelaSimulator accela;

    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void systemsBack() {
        cityworks.comeBack();
        accela.comeBack();
    }

    @Test
    void everyDepartmentSystemIsUpWhileItAnswersAndTakesTheLogin() throws Exception {
        JsonNode health = staffHealth();

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/mail/status").asText()).isEqualTo("UP");
        JsonNode systems = health.at("/components/departmentSystems/components");
        assertThat(systems.fieldNames()).toIterable().containsExactlyInAnyOrder("accela", "cityworks", "email");
        systems.forEach(system -> assertThat(system.get("status").asText()).isEqualTo("UP"));
    }

    @Test
    void aSystemThatIsDownIsReportedDownWithItsFailureWhileTheOthersStayUp() throws Exception {
        cityworks.goDown();

        JsonNode health = staffHealth();
        assertThat(health.get("status").asText()).isEqualTo("DOWN");
        JsonNode down = health.at("/components/departmentSystems/components/cityworks");
        assertThat(down.get("status").asText()).isEqualTo("DOWN");
        assertThat(down.at("/details/error").asText()).containsIgnoringCase("cityworks");
        assertThat(health.at("/components/departmentSystems/components/accela/status").asText()).isEqualTo("UP");

        cityworks.comeBack();
        accela.goDown();
        health = staffHealth();
        assertThat(health.at("/components/departmentSystems/components/cityworks/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/departmentSystems/components/accela/status").asText()).isEqualTo("DOWN");
        assertThat(health.at("/components/departmentSystems/components/accela/details/error").asText())
                .containsIgnoringCase("accela");

        accela.comeBack();
        assertThat(staffHealth().get("status").asText()).isEqualTo("UP");
    }

    JsonNode staffHealth() throws Exception {
        ResponseEntity<String> answer = http.withBasicAuth("demo", "demo").getForEntity("/actuator/health", String.class);
        assertThat(answer.getStatusCode()).isIn(HttpStatus.OK, HttpStatus.SERVICE_UNAVAILABLE);
        return json.readTree(answer.getBody());
    }
}
