package org.civic311.connectors.accela;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.civic311.connectors.WorkStatus;
import org.junit.jupiter.api.Test;

/** The status table, row by row, with the agency's default in-progress status. */
class AccelaStatusesTest {

    final AccelaStatuses statuses = new AccelaStatuses(List.of("In Progress"), Map.of("Void", "VOID"));

    @Test
    void closedAndCompleteRecordsFinishTheTaskWhateverTheAgencyCallsTheStatus() {
        assertThat(statuses.of("COMPLETE", "Complete")).contains(WorkStatus.COMPLETED);
        assertThat(statuses.of("CLOSED", "Closed")).contains(WorkStatus.COMPLETED);
        assertThat(statuses.of("CLOSED", "Violation Abated")).contains(WorkStatus.COMPLETED);
    }

    @Test
    void voidAndDeniedRecordsCancelTheTask() {
        assertThat(statuses.of("VOID", "Void")).contains(WorkStatus.CANCELLED);
        assertThat(statuses.of("DENIED", "Denied")).contains(WorkStatus.CANCELLED);
    }

    @Test
    void anOpenRecordIsInProgressOnlyInAnInProgressStatus() {
        assertThat(statuses.of("OPEN", "in progress")).contains(WorkStatus.IN_PROGRESS);
        assertThat(statuses.of("OPEN", "Received")).isEmpty();
    }

    @Test
    void otherStatusTypesAreNotReported() {
        for (String type : List.of("APPROVED", "INCOMPLETE", "PENDING", "UNASSIGNED", "")) {
            assertThat(statuses.of(type, "In Progress")).as(type).isEmpty();
        }
        assertThat(statuses.of(null, null)).isEmpty();
    }
}
