package org.civic311.simulators.cityworks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.civic311.simulators.cityworks.CityworksTestClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.simulators.cityworks.CityworksTestClient.data;

class WorkOrderTest extends SimulatorHttpTest {

    @Test
    void createAnswersAnArrayOfWorkOrdersAndLinksTheServiceRequests() {
        long requestId = createRequest("civic311-sr-1");

        Reply reply = client.call("Ams/WorkOrder/Create", data("WOTemplateId", "2001", "EntityType", "STREET",
                "Address", "100 Main St", "X", -84.388, "Y", 33.749, "Priority", "2", "Instructions", "Cold patch",
                "Comments", "From 311", "RequestIds", List.of(requestId, 1L), "Text1", "civic311-task-7",
                "InitiatedByApp", "Civic311", "WebServiceRequestId", "civic311-call-99"));

        JsonNode workOrders = reply.ok();
        assertThat(workOrders.isArray()).isTrue();
        assertThat(workOrders).hasSize(1);
        JsonNode workOrder = workOrders.path(0);
        assertThat(workOrder.path("WorkOrderId").isTextual()).as("WorkOrderId is a string").isTrue();
        assertThat(workOrder.path("WorkOrderSid").isIntegralNumber()).as("WorkOrderSid is a number").isTrue();
        assertThat(workOrder.path("WorkOrderId").asText()).isNotEqualTo(workOrder.path("WorkOrderSid").asText());
        assertThat(workOrder.path("WOTemplateId").asText()).isEqualTo("2001");
        assertThat(workOrder.path("Description").asText()).isEqualTo("Pothole repair");
        assertThat(workOrder.path("Status").asText()).isEqualTo("OPEN");
        assertThat(workOrder.path("IsClosed").asBoolean()).isFalse();
        assertThat(workOrder.path("WOAddress").asText()).isEqualTo("100 Main St");
        assertThat(workOrder.path("WOXCoordinate").asDouble()).isEqualTo(-84.388);
        assertThat(workOrder.path("Text1").asText()).isEqualTo("civic311-task-7");
        assertThat(workOrder.path("InitiateDate").asText()).isNotBlank();
        assertThat(reply.json().path("WebServiceRequestId").asText()).isEqualTo("civic311-call-99");
        assertThat(reply.json().path("WarningMessages").path(0).path("Code").asInt()).as("RequestId 1 does not exist").isEqualTo(60);

        String workOrderId = workOrder.path("WorkOrderId").asText();
        assertThat(client.call("Ams/WorkOrder/ById", data("WorkOrderId", workOrderId)).ok()).isEqualTo(workOrder);
        assertThat(client.call("Ams/ServiceRequest/ById", data("RequestId", requestId)).ok().path("WorkOrderId").asText())
                .isEqualTo(workOrderId);
        JsonNode links = client.call("Ams/ServiceRequest/RequestWorkOrders", data("RequestIds", List.of(requestId))).ok();
        assertThat(links.path(0).path("WorkOrderId").asText()).isEqualTo(workOrderId);
        CityworksWorkOrder held = simulator.workOrder(workOrderId).orElseThrow();
        assertThat(held.instructions()).isEqualTo("Cold patch");
        assertThat(held.requestIds()).containsExactly(requestId);
        assertThat(held.comments()).containsExactly("From 311");
    }

    @Test
    void createNeedsATemplateAndAnEntityType() {
        Reply noTemplate = client.call("Ams/WorkOrder/Create", data("EntityType", "STREET"));
        Reply noEntityType = client.call("Ams/WorkOrder/Create", data("WOTemplateId", "2001"));
        Reply unknownTemplate = client.call("Ams/WorkOrder/Create", data("WOTemplateId", "9999", "EntityType", "STREET"));

        assertThat(noTemplate.error().path("Code").asInt()).isEqualTo(33);
        assertThat(noEntityType.error().path("Code").asInt()).isEqualTo(33);
        assertThat(unknownTemplate.error().path("Code").asInt()).isEqualTo(30);
        assertThat(simulator.workOrdersCreated()).isZero();
    }

    @Test
    void searchFindsOurWorkOrderByTheTextFieldHoldingOurReference() {
        String ours = createWorkOrder(data("Text1", "civic311-task-7"));
        String other = createWorkOrder(data("Text1", "civic311-task-8"));

        assertThat(search(data("Text1", List.of("civic311-task-7")))).containsExactly(ours);
        assertThat(search(data("Closed", false))).as("newest first").containsExactly(other, ours);
        assertThat(search(data("WOTemplateId", List.of("2002")))).isEmpty();
    }

    @Test
    void closeStampsDateWOClosedAndTheWorkOrderIsFoundByActualFinishDate() {
        String earlier = createWorkOrder(data());
        client.call("Ams/WorkOrder/Close", data("WorkOrderIds", List.of(earlier))).ok();
        simulator.shiftClock(Duration.ofMinutes(5));
        String watermark = simulator.dates.format(simulator.now());
        String workOrderId = createWorkOrder(data());

        JsonNode closed = client.call("Ams/WorkOrder/Close", data("WorkOrderIds", List.of(workOrderId))).ok().path(0);
        Reply again = client.call("Ams/WorkOrder/Close", data("WorkOrderIds", List.of(workOrderId)));

        assertThat(closed.path("Status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("IsClosed").asBoolean()).isTrue();
        assertThat(closed.path("DateWOClosed").asText()).isGreaterThanOrEqualTo(watermark);
        assertThat(closed.path("ActualFinishDate").asText()).isEqualTo(closed.path("DateWOClosed").asText());
        assertThat(closed.path("WOClosedBy").asText()).isEqualTo("demo");
        assertThat(closed.has("DateClosed")).as("the work order close date is DateWOClosed").isFalse();
        assertThat(again.ok().path(0).path("DateWOClosed").asText()).as("closing again changes nothing")
                .isEqualTo(closed.path("DateWOClosed").asText());
        assertThat(search(data("Closed", true, "ActualFinishDateBegin", watermark))).containsExactly(workOrderId);
        assertThat(search(data("DateWOClosedBegin", watermark))).containsExactly(workOrderId);
    }

    @Test
    void updateSetsStatusResolutionAndActualFinishDate() {
        String workOrderId = createWorkOrder(data());

        JsonNode updated = client.call("Ams/WorkOrder/Update", data("WorkOrderId", workOrderId, "Status", "COMPLETE",
                "Resolution", "Patched", "ActualFinishDate", "2030-01-02T03:04:05Z")).ok();

        assertThat(updated.path("Status").asText()).isEqualTo("COMPLETE");
        assertThat(updated.path("Resolution").asText()).isEqualTo("Patched");
        assertThat(updated.path("ActualFinishDate").asText()).isEqualTo("2030-01-02T03:04:05");
        assertThat(updated.path("IsClosed").asBoolean()).as("only Close closes").isFalse();
        assertThat(client.call("Ams/WorkOrder/Update", data("Status", "X")).error().path("Code").asInt()).isEqualTo(12);
    }

    @Test
    void cancelMarksTheWorkOrderCanceled() {
        String workOrderId = createWorkOrder(data());

        JsonNode canceled = client.call("Ams/WorkOrder/Cancel",
                data("WorkOrderIds", List.of(workOrderId), "CancelReason", "Duplicate")).ok().path(0);

        assertThat(canceled.path("Cancel").asBoolean()).isTrue();
        assertThat(canceled.path("Status").asText()).isEqualTo("CANCEL");
        assertThat(client.call("Ams/WorkOrder/Close", data("WorkOrderIds", List.of(workOrderId))).ok().path(0)
                .path("IsClosed").asBoolean()).as("a canceled work order stays unclosed").isFalse();
        assertThat(client.call("Ams/WorkOrder/Update", data("WorkOrderId", workOrderId, "Status", "CLOSED")).error()
                .path("Code").asInt()).isEqualTo(31);
        assertThat(search(data("Canceled", true))).containsExactly(workOrderId);
    }

    @Test
    void byIdNeedsAKnownWorkOrderId() {
        assertThat(client.call("Ams/WorkOrder/ById", data()).error().path("Code").asInt()).isEqualTo(12);
        assertThat(client.call("Ams/WorkOrder/ById", data("WorkOrderId", "nope")).error().path("Code").asInt()).isEqualTo(35);
    }

    private List<String> search(Map<String, ?> criteria) {
        JsonNode ids = client.call("Ams/WorkOrder/Search", criteria).ok();
        return StreamSupport.stream(ids.spliterator(), false).map(id -> {
            assertThat(id.isTextual()).as("Search answers WorkOrderIds as strings").isTrue();
            return id.asText();
        }).toList();
    }
}
