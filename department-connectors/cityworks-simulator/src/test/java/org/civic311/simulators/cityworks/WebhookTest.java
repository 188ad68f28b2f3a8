package org.civic311.simulators.cityworks;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.civic311.simulators.cityworks.WebhookReceiver.Delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civic311.simulators.cityworks.CityworksTestClient.data;

class WebhookTest extends SimulatorHttpTest {

    @Test
    void closingARequestPostsTheCustomPacketWithTheConfiguredHeader() {
        long requestId = createRequest("civic311-sr-42");

        JsonNode closed = client.call("Ams/ServiceRequest/Close", data("RequestIds", List.of(requestId))).ok().path(0);

        Delivery delivery = awaitDelivery("RequestId", requestId);
        assertThat(delivery.headerValue()).isEqualTo(WEBHOOK_SECRET);
        JsonNode packet = delivery.packet();
        assertThat(packet.path("EventType").asText()).isEqualTo("RequestClosed");
        assertThat(packet.path("OtherSystemId").asText()).isEqualTo("civic311-sr-42");
        assertThat(packet.path("Status").asText()).isEqualTo("CLOSED");
        assertThat(packet.path("DateTimeClosed").asText()).isEqualTo(closed.path("DateTimeClosed").asText());
        assertThat(packet.has("Resolution")).isTrue();
    }

    @Test
    void staffClosingFromJavaSendsTheResolution() {
        long requestId = createRequest("civic311-sr-43");

        simulator.closeRequest(requestId, "Pothole filled");

        JsonNode packet = awaitDelivery("RequestId", requestId).packet();
        assertThat(packet.path("Resolution").asText()).isEqualTo("Pothole filled");
        assertThat(packet.path("ClosedBy").asText()).isEqualTo("Public Works Crew");
    }

    @Test
    void closingAWorkOrderPostsWorkOrderClosed() {
        long requestId = createRequest("civic311-sr-44");
        String workOrderId = createWorkOrder(data("RequestIds", List.of(requestId)));

        simulator.closeWorkOrder(workOrderId, "Patched");

        JsonNode packet = awaitDelivery("WorkOrderId", workOrderId).packet();
        assertThat(packet.path("EventType").asText()).isEqualTo("WorkOrderClosed");
        assertThat(packet.path("DateWOClosed").asText()).isNotBlank();
        assertThat(packet.path("Resolution").asText()).isEqualTo("Patched");
        assertThat(packet.path("RequestIds").path(0).asLong()).isEqualTo(requestId);
    }

    @Test
    void cancelingDoesNotFireWhenOnlyClosesAreConfigured() {
        long canceled = createRequest("civic311-sr-45");
        long closed = createRequest("civic311-sr-46");

        simulator.cancelRequest(canceled, "Duplicate");
        simulator.closeRequest(closed, "Done");

        awaitDelivery("RequestId", closed);
        assertThat(webhookReceiver.deliveriesWith("RequestId", canceled)).isEmpty();
    }

    @Test
    void aFailingReceiverNeverBreaksTheClose() {
        webhookReceiver.answerWith(500);
        long requestId = createRequest("civic311-sr-47");

        JsonNode closed = client.call("Ams/ServiceRequest/Close", data("RequestIds", List.of(requestId))).ok().path(0);

        assertThat(closed.path("IsClosed").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.webhooksFailed() == 1);
        assertThat(simulator.request(requestId).orElseThrow().closed()).isTrue();
    }

    private static Delivery awaitDelivery(String field, Object value) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !webhookReceiver.deliveriesWith(field, value).isEmpty());
        return webhookReceiver.deliveriesWith(field, value).get(0);
    }
}
