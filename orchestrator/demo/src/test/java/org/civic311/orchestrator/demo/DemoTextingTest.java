package org.civic311.orchestrator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import org.civic311.orchestrator.sms.SmsRefused;
import org.civic311.orchestrator.sms.SmsSender;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo texts residents through its Twilio simulator: what is sent shows in the simulator's message list, and a
 * resident texting back through {@code /sim/twilio/inbound} reaches Civic311's signed webhook.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class DemoTextingTest {

    /** A fixed port: the demo reaches its Twilio simulator, and the simulator the demo, at http://localhost:${server.port}. */
    static final int HTTP = DemoInstallation.freePort();
    static final String RESIDENT = "+13125550142";

    @DynamicPropertySource
    static void freePorts(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> HTTP);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:demo-texting-" + HTTP + ";DB_CLOSE_DELAY=-1");
        registry.add("civic311.demo.mail-server.smtp-port", DemoInstallation::freePort);
        registry.add("civic311.demo.mail-server.imap-port", DemoInstallation::freePort);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    SmsSender sms;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aTextSentByTheDemoShowsInTheSimulatorsMessageList() throws Exception {
        String sid = sms.send(RESIDENT, "Demo City 311: we received your report SR-2026-000001.");

        ResponseEntity<String> list = new DemoPhone(http, RESIDENT).textsReceived();

        assertThat(list.getStatusCode().value()).isEqualTo(200);
        JsonNode messages = json.readTree(list.getBody()).path("messages");
        assertThat(messages.findValuesAsText("sid")).contains(sid);
        assertThat(messages.findValuesAsText("body")).contains("Demo City 311: we received your report SR-2026-000001.");
    }

    @Test
    void aResidentTextingStopThroughTheSimulatorIsNotTextedAgainUntilStart() throws Exception {
        ResponseEntity<String> stop = inbound("STOP");

        assertThat(stop.getStatusCode().value()).isEqualTo(201);
        assertThat(json.readTree(stop.getBody()).path("webhook_status").asInt()).as("Civic311 verified it").isEqualTo(200);
        assertThatThrownBy(() -> sms.send(RESIDENT, "Your report was closed.")).isInstanceOf(SmsRefused.class)
                .hasMessageContaining("STOP");

        inbound("START");
        assertThat(sms.send(RESIDENT, "Your report was closed.")).startsWith("SM");
    }

    private ResponseEntity<String> inbound(String body) {
        return new DemoPhone(http, RESIDENT).textTheCity(body);
    }
}
