package org.civic311.simulators.cityworks;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.civic311.simulators.cityworks.CityworksTestClient.data;

/**
 * The simulator served over real HTTP by a host app that only set {@code enabled: true}, with a webhook
 * pointing at a receiver. Every test starts from an empty site and a client logged in as demo/demo.
 */
@SpringBootTest(classes = CityworksSimulatorTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "civic311.simulators.cityworks.enabled=true",
                "civic311.simulators.cityworks.webhook.header-name=" + SimulatorHttpTest.WEBHOOK_HEADER,
                "civic311.simulators.cityworks.webhook.header-value=" + SimulatorHttpTest.WEBHOOK_SECRET})
abstract class SimulatorHttpTest {

    static final String WEBHOOK_HEADER = "X-Civic311-Webhook-Key";
    static final String WEBHOOK_SECRET = "s3cret-from-packet-config";
    static final WebhookReceiver webhookReceiver = WebhookReceiver.start(WEBHOOK_HEADER);

    @DynamicPropertySource
    static void webhookUrl(DynamicPropertyRegistry registry) {
        registry.add("civic311.simulators.cityworks.webhook.url", webhookReceiver::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    CityworksSimulator simulator;

    CityworksTestClient client;

    @BeforeEach
    void emptySiteAndLoggedInClient() {
        simulator.reset();
        webhookReceiver.answerWith(200);
        client = new CityworksTestClient(port, "/sim/cityworks").login();
    }

    /** Creates a pothole request and answers its RequestId. */
    long createRequest(String otherSystemId) {
        return client.call("Ams/ServiceRequest/Create", data("ProblemSid", 101, "OtherSystemId", otherSystemId,
                "Address", "100 Main St")).ok().path("RequestId").asLong();
    }

    /** Creates a pothole-repair work order and answers its WorkOrderId. */
    String createWorkOrder(Map<String, Object> extra) {
        Map<String, Object> data = data("WOTemplateId", "2001", "EntityType", "STREET");
        data.putAll(extra);
        return client.call("Ams/WorkOrder/Create", data).ok().path(0).path("WorkOrderId").asText();
    }
}
