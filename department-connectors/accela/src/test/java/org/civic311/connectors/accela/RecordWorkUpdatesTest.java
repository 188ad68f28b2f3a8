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

    /**
     * An agency in UTC whose server keeps status days at midnight in Los Angeles: a change at 06:41 UTC on 2 December
     * is dated 2 December 08:00 UTC, after the workflow task that made it. The task's words are the department's.
     */
    @Test
    void aDayDatedCompletionIsExplainedByTheTaskChangedThatDayBeforeItsMidnight() throws Exception {
        WorkUpdate done = readAfterTaskCompletedAt0641("COMPLETE", "Complete", "2026-12-02T08:00:00Z",
                WorkStatus.COMPLETED);

        assertThat(done.status()).isEqualTo(WorkStatus.COMPLETED);
        assertThat(done.note()).isEqualTo("Complete: Filled and compacted");
    }

    @Test
    void aTaskChangedBeforeTheRecordsTimedStatusChangeDoesNotExplainIt() throws Exception {
        WorkUpdate voided = readAfterTaskCompletedAt0641("CLOSED", "Void", "2026-12-02 09:30:12", WorkStatus.CANCELLED);

        assertThat(voided.note()).isEqualTo("Void");
    }

    /** The record's one update, its workflow task marked Complete at 06:41:12 on 2 December with the crew's words. */
    private WorkUpdate readAfterTaskCompletedAt0641(String statusType, String status, String statusDate,
                                                    WorkStatus as) throws Exception {
        JsonNode record = json.createObjectNode().put("id", "REC-2").put("statusType", statusType)
                .put("statusDate", statusDate)
                .set("status", json.createObjectNode().put("value", status));
        JsonNode tasks = json.readTree("""
                [{"status": {"value": "Complete"}, "comment": "Filled and compacted",
                  "lastModifiedDate": "2026-12-02 06:41:12"}]""");
        List<WorkUpdate> read = updates.read(record, as, tasks, json::createArrayNode);
        assertThat(read).hasSize(1);
        return read.get(0);
    }

    private WorkUpdate commentOf(JsonNode record, String comments) throws Exception {
        JsonNode read = json.readTree(comments);
        return updates.read(record, WorkStatus.IN_PROGRESS, json.readTree("[]"), () -> read).stream()
                .filter(update -> update.status() == WorkStatus.COMMENT).findFirst().orElseThrow();
    }
}
