package org.civic311.connectors.accela;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.WorkUpdate;

/**
 * Reads what the department did to one of our records into the update Civic311 applies: its status through
 * {@link AccelaStatuses}, and the officer's words from the workflow task that changed it (or, failing that, the
 * record's latest comment).
 * <p>
 * The update id is {@code <record id>:<status type>:<status date>}, exactly as Accela wrote them: the same
 * status change read by any later poll has the same id, and a record reopened and closed again has a new one.
 */
final class RecordWorkUpdates {

    private final AccelaStatuses statuses;
    private final AgencyTime time;

    RecordWorkUpdates(AccelaStatuses statuses, AgencyTime time) {
        this.statuses = statuses;
        this.time = time;
    }

    /** What the record's status means for our task, if anything. */
    Optional<WorkStatus> statusOf(JsonNode record) {
        return statuses.of(AccelaAnswer.text(record, "statusType"), statusValue(record));
    }

    /**
     * @param tasks    the record's workflow tasks (taskItemModel[])
     * @param comments the record's comments, fetched only when no workflow task explains the change
     */
    WorkUpdate read(JsonNode record, WorkStatus status, JsonNode tasks, Supplier<JsonNode> comments) {
        String recordId = AccelaAnswer.text(record, "id");
        String statusType = AccelaAnswer.text(record, "statusType");
        String statusDate = firstOf(record, "statusDate", "closedDate", "completeDate", "updateDate");
        Instant changedAt = time.parse(statusDate);

        JsonNode task = taskBehind(tasks, changedAt);
        String what = task != null ? valueOf(task.get("status")) : statusValue(record);
        String words = task != null ? AccelaAnswer.text(task, "comment") : null;
        if (words == null) {
            words = latestComment(comments.get());
        }
        String note = words == null ? nullToEmpty(what) : what == null ? words : what + ": " + words;

        return new WorkUpdate(new ExternalRef(AccelaConnector.SYSTEM, recordId),
                recordId + ":" + statusType + ":" + nullToEmpty(statusDate), status, note, at(record, status, changedAt));
    }

    /**
     * The workflow task whose status change moved the record: the one changed last, if it changed no earlier than
     * the record's status did. A record voided by hand after an earlier task status is not explained by that task.
     */
    private JsonNode taskBehind(JsonNode tasks, Instant recordChangedAt) {
        JsonNode latest = null;
        Instant latestAt = null;
        for (JsonNode task : tasks) {
            if (valueOf(task.get("status")) == null) {
                continue;
            }
            Instant changedAt = time.parse(firstOf(task, "lastModifiedDate", "statusDate", "endTime"));
            if (latest == null || (changedAt != null && (latestAt == null || changedAt.isAfter(latestAt)))) {
                latest = task;
                latestAt = changedAt;
            }
        }
        if (latest == null || (latestAt != null && recordChangedAt != null && latestAt.isBefore(recordChangedAt))) {
            return null;
        }
        return latest;
    }

    private String latestComment(JsonNode comments) {
        String latest = null;
        Instant latestAt = null;
        for (JsonNode comment : comments) {
            String text = AccelaAnswer.text(comment, "text");
            Instant createdAt = time.parse(AccelaAnswer.text(comment, "createdDate"));
            boolean later = createdAt != null && (latestAt == null || !createdAt.isBefore(latestAt));
            if (text != null && (latest == null || later)) {
                latest = text;
                latestAt = createdAt;
            }
        }
        return latest;
    }

    /** When the department did it: the completion or closing date Accela recorded, else the status date. */
    private Instant at(JsonNode record, WorkStatus status, Instant changedAt) {
        Instant finished = status == WorkStatus.COMPLETED
                ? time.parse(firstOf(record, "completeDate", "closedDate")) : null;
        if (finished != null) {
            return finished;
        }
        return changedAt != null ? changedAt : Instant.now();
    }

    private static String statusValue(JsonNode record) {
        return valueOf(record.get("status"));
    }

    /** {@code {"value": "Closed", "text": "Closed"}}, or plain text from a lenient server. */
    private static String valueOf(JsonNode field) {
        if (field == null || field.isNull()) {
            return null;
        }
        if (field.isValueNode()) {
            return field.asText().isBlank() ? null : field.asText();
        }
        String value = AccelaAnswer.text(field, "value");
        return value != null ? value : AccelaAnswer.text(field, "text");
    }

    private static String firstOf(JsonNode json, String... fields) {
        for (String field : fields) {
            String value = AccelaAnswer.text(json, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
