package org.civic311.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.civic311.connectors.WorkOrder;
import org.junit.jupiter.api.Test;

class WorkOrderMailTest {

    final ReplyToken token = new ReplyTokens("city-secret-0123456789").issue("42", "streets");

    @Test
    void dueDateIsWrittenInTheCitysZone() {
        WorkOrderMail mail = WorkOrderMail.of(order("SR-2026-000001", Instant.parse("2026-03-03T14:00:00Z")), token,
                ZoneId.of("America/New_York"));

        assertThat(mail.body()).contains("Tue 3 Mar 2026, 09:00 EST");
    }

    @Test
    void mailWithoutTrackingNumberOrDueDateStillReadsWell() {
        WorkOrderMail mail = WorkOrderMail.of(order(null, null), token, ZoneId.of("UTC"));

        assertThat(mail.subject()).isEqualTo("Graffiti at 40.5, -74.25 [ref:" + token + "]");
        assertThat(mail.body()).contains("No due date set").doesNotContain("null");
    }

    @Test
    void multiValueAnswersAreListedTogether() {
        WorkOrderMail mail = WorkOrderMail.of(order("SR-2026-000002", null), token, ZoneId.of("UTC"));

        assertThat(mail.body()).contains("surface: brick, metal");
    }

    static WorkOrder order(String trackingNumber, Instant dueAt) {
        return new WorkOrder("42", trackingNumber, "graffiti", "Graffiti", "streets", null, null, dueAt, null,
                new WorkOrder.Location(40.5, -74.25, null, null, null), Map.of("surface", List.of("brick", "metal")),
                null, null);
    }
}
