package org.civic311.connectors.accela;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.civic311.connectors.Digest;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.WorkUpdate;

/**
 * Reads what the department did to one of our records into the updates Civic311 applies: its status through
 * {@link AccelaStatuses}, with the officer's words from the workflow task that changed it; when no task explains the
 * change, the record's latest comment comes along as a staff comment (comments are internal remarks, never
 * published).
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

    /**
     * Whether a poll from an earlier watermark has read this status change already: it is dated, to the second,
     * before {@code since}. A change dated without a time of day (midnight) may have happened at any time that day.
     */
    boolean readBefore(JsonNode record, Instant since) {
        String statusDate = statusDateOf(record);
        Instant changedAt = time.parse(statusDate);
        return changedAt != null && changedAt.isBefore(since) && time.hasTimeOfDay(statusDate);
    }

    /** The status change the record shows, as its update id names it: {@code <record id>:<status type>:<status date>}. */
    String changeId(JsonNode record) {
        return AccelaAnswer.text(record, "id") + ":" + statusTypeOf(record) + ":" + nullToEmpty(statusDateOf(record));
    }

    /** What the record's status means for our task, if anything. */
    Optional<WorkStatus> statusOf(JsonNode record) {
        return statuses.of(statusTypeOf(record), statusValue(record));
    }

    /**
     * The record's status type: as Accela wrote it, a string or (as recordModel declares it) an array. Some answers
     * leave it out: then the agency's status value table says, or else the record's own dates: a completeDate means
     * COMPLETE, a closedDate CLOSED, neither OPEN.
     */
    String statusTypeOf(JsonNode record) {
        JsonNode written = record.get("statusType");
        String type = written != null && written.isArray() ? firstValue(written) : valueOf(written);
        if (type != null) {
            return type.strip().toUpperCase(Locale.ROOT);
        }
        return statuses.typeOfStatus(statusValue(record)).orElseGet(() ->
                AccelaAnswer.text(record, "completeDate") != null ? "COMPLETE"
                        : AccelaAnswer.text(record, "closedDate") != null ? "CLOSED" : "OPEN");
    }

    private static String firstValue(JsonNode array) {
        for (JsonNode element : array) {
            String value = valueOf(element);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * @param tasks    the record's workflow tasks (taskItemModel[])
     * @param comments the record's comments, fetched only when no workflow task explains the change
     * @return the latest comment when it was fetched and there is one, then the status change
     */
    List<WorkUpdate> read(JsonNode record, WorkStatus status, JsonNode tasks, Supplier<JsonNode> comments) {
        String recordId = AccelaAnswer.text(record, "id");
        String statusDate = statusDateOf(record);
        Instant changedAt = time.parse(statusDate);
        ExternalRef ref = new ExternalRef(AccelaConnector.SYSTEM, recordId);
        Instant at = at(record, status, changedAt);

        // A day (midnight in the agency's zone or its server's) may lie hours after the change it dates, or before it:
        // a task changed within a day of it may explain it.
        JsonNode task = taskBehind(tasks, changedAt == null || time.hasTimeOfDay(statusDate) ? changedAt
                : changedAt.minus(Duration.ofDays(1)));
        String what = task != null ? valueOf(task.get("status")) : statusValue(record);
        String words = task != null ? AccelaAnswer.text(task, "comment") : null;
        String note = words == null ? nullToEmpty(what) : what == null ? words : what + ": " + words;
        List<WorkUpdate> updates = new ArrayList<>();
        if (words == null) {
            // The remark first: written while the record was open, it is a note on open work, applied before the end.
            latestComment(comments.get()).ifPresent(comment -> updates.add(new WorkUpdate(ref,
                    recordId + ":comment:" + comment.id(), WorkStatus.COMMENT, comment.text(),
                    comment.createdAt() != null ? comment.createdAt() : at)));
        }
        updates.add(new WorkUpdate(ref, changeId(record), status, note, at));
        return updates;
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

    private Optional<Comment> latestComment(JsonNode comments) {
        Comment latest = null;
        for (JsonNode json : comments) {
            String text = AccelaAnswer.text(json, "text");
            Instant createdAt = time.parse(AccelaAnswer.text(json, "createdDate"));
            boolean later = createdAt != null && (latest == null || latest.createdAt() == null
                    || !createdAt.isBefore(latest.createdAt()));
            if (text != null && (latest == null || later)) {
                String id = AccelaAnswer.text(json, "id");
                // Without an id, what the comment is stands for it: each such comment counts once, none hides another.
                latest = new Comment(id != null ? id : Digest.sha256Hex(text + "\n" + createdAt), text, createdAt);
            }
        }
        return Optional.ofNullable(latest);
    }

    private record Comment(String id, String text, Instant createdAt) {
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

    private static String statusDateOf(JsonNode record) {
        return firstOf(record, "statusDate", "closedDate", "completeDate", "updateDate");
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
