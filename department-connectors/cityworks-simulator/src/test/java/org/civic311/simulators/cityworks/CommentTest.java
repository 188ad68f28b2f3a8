package org.civic311.simulators.cityworks;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.simulators.cityworks.CityworksTestClient.data;

class CommentTest extends SimulatorHttpTest {

    private static final int REQUEST = 1;
    private static final int WORK_ORDER = 2;

    @Test
    void commentsAddedToARequestAreListedByActivitySid() {
        long requestId = createRequest("civic311-sr-1");
        long quietRequestId = createRequest("civic311-sr-2");

        JsonNode added = client.call("Ams/Comment/Add",
                data("ActivityType", REQUEST, "ActivitySid", requestId, "Comments", "Resident adds: it is getting bigger")).ok();
        simulator.addRequestComment(requestId, "Crew scheduled for Tuesday");
        JsonNode bySid = client.call("Ams/Comment/ByActivitySids",
                data("ActivityType", REQUEST, "ActivitySids", List.of(requestId, quietRequestId))).ok();

        assertThat(added.path("CommentId").isIntegralNumber()).isTrue();
        assertThat(added.path("Comments").asText()).isEqualTo("Resident adds: it is getting bigger");
        assertThat(added.path("AuthorName").asText()).isEqualTo("demo");
        assertThat(added.path("DateCreated").asText()).isNotBlank();
        assertThat(added.path("LastModified").asText()).isNotBlank();
        JsonNode comments = bySid.path(String.valueOf(requestId));
        assertThat(comments).hasSize(2);
        assertThat(comments.path(0)).isEqualTo(added);
        assertThat(comments.path(1).path("Comments").asText()).isEqualTo("Crew scheduled for Tuesday");
        assertThat(comments.path(1).path("AuthorName").asText()).isEqualTo("Public Works Crew");
        assertThat(bySid.path(String.valueOf(quietRequestId))).isEmpty();
    }

    @Test
    void aWorkOrderCommentHangsOnItsSid() {
        JsonNode workOrder = client.call("Ams/WorkOrder/Create", data("WOTemplateId", "2001", "EntityType", "STREET")).ok().path(0);
        long workOrderSid = workOrder.path("WorkOrderSid").asLong();

        client.call("Ams/Comment/Add", data("ActivityType", WORK_ORDER, "ActivitySid", workOrderSid, "Comments", "Asphalt ordered")).ok();

        JsonNode bySid = client.call("Ams/Comment/ByActivitySids",
                data("ActivityType", WORK_ORDER, "ActivitySids", List.of(workOrderSid))).ok();
        assertThat(bySid.path(String.valueOf(workOrderSid)).path(0).path("Comments").asText()).isEqualTo("Asphalt ordered");
        assertThat(simulator.workOrder(workOrder.path("WorkOrderId").asText()).orElseThrow().comments())
                .containsExactly("Asphalt ordered");
    }

    @Test
    void aCommentNeedsTextAndAnExistingActivity() {
        long requestId = createRequest("civic311-sr-1");
        Map<String, Object> onNothing = data("ActivityType", REQUEST, "ActivitySid", 1, "Comments", "Hello?");

        assertThat(client.call("Ams/Comment/Add", onNothing).error().path("Code").asInt()).isEqualTo(35);
        assertThat(client.call("Ams/Comment/Add", data("ActivityType", REQUEST, "ActivitySid", requestId))
                .error().path("Code").asInt()).isEqualTo(33);
        assertThat(client.call("Ams/Comment/Add", data("ActivityType", 7, "ActivitySid", requestId, "Comments", "x"))
                .error().path("Code").asInt()).isEqualTo(30);
    }
}
