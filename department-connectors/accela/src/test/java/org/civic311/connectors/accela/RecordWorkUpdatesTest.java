package org.civic311.connectors.accela;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.WorkUpdate;
import org.junit.jupiter.api.Test;

/** Records as a lenient Accela server answers them, read into updates. */
class RecordWorkUpdatesTest {

    final ObjectMapper json = new ObjectMapper();
    final RecordWorkUpdates updates = new RecordWorkUpdates(new AccelaStatuses(List.of("In Progress"),
            Map.of("Void", "VOID")),
            new AgencyTime(ZoneOffset.UTC));

    @Test
    void commentsWithoutIdOrDateAreEachReadOnceNoneHidesTheNext() throws Exception {
        JsonNode record = json.readTree("""
                {"id": "REC-1", "statusType": "OPEN", "status": {"value": "In Progress"},
                 "statusDate": "2026-12-01 10:00:00"}""");

        WorkUpdate first = commentOf(record, "[{\"text\": \"Crew booked for Monday\"}]");
        WorkUpdate again = commentOf(record, "[{\"text\": \"Crew booked for Monday\"}]");
        WorkUpdate next = commentOf(record, "[{\"text\": \"Crew moved to Tuesday\"}]");

        assertThat(first.updateId()).startsWith("REC-1:comment:").isEqualTo(again.updateId());
        assertThat(next.updateId()).isNotEqualTo(first.updateId());
        assertThat(next.note()).isEqualTo("Crew moved to Tuesday");
    }

    private WorkUpdate commentOf(JsonNode record, String comments) throws Exception {
        JsonNode read = json.readTree(comments);
        return updates.read(record, WorkStatus.IN_PROGRESS, json.readTree("[]"), () -> read).stream()
                .filter(update -> update.status() == WorkStatus.COMMENT).findFirst().orElseThrow();
    }
}
