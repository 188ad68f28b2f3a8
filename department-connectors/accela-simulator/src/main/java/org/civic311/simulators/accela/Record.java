package org.civic311.simulators.accela;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.civic311.simulators.accela.AccelaSimulatorProperties.RecordStatusSetting;
import org.civic311.simulators.accela.AccelaSimulatorProperties.StatusType;

/**
 * A record, as the agency holds it. Guarded by {@link Records}: only touched while holding its lock.
 */
final class Record {

    final long sequence;
    final String id;
    final String value;
    final String customId;
    final long trackingId;
    final RecordType type;
    final Instant openedDate;
    final String createdBy;

    String name;
    String description;
    String shortNotes;
    String priority;
    String reportedChannel;
    Instant reportedDate;
    String assignedToDepartment;

    String status;
    StatusType statusType;
    Instant statusDate;
    Instant closedDate;
    String closedByDepartment;
    Instant completeDate;
    String completedByDepartment;
    Instant updateDate;

    final List<ObjectNode> addresses = new ArrayList<>();
    final List<ObjectNode> contacts = new ArrayList<>();
    /** Custom form id → field name → value, in the order fields were first written. */
    final Map<String, Map<String, String>> customForms = new LinkedHashMap<>();
    final List<WorkflowTask> tasks = new ArrayList<>();
    final List<Comment> comments = new ArrayList<>();

    Record(long sequence, String id, String value, String customId, long trackingId, RecordType type,
           Instant openedDate, String createdBy) {
        this.sequence = sequence;
        this.id = id;
        this.value = value;
        this.customId = customId;
        this.trackingId = trackingId;
        this.type = type;
        this.openedDate = openedDate;
        this.createdBy = createdBy;
        this.updateDate = openedDate;
    }

    /**
     * Moves the record to a status. A CLOSED or COMPLETE status closes it (closedDate, and completeDate
     * for COMPLETE); any other status reopens it.
     */
    void changeStatus(RecordStatusSetting newStatus, Instant at, String department) {
        status = newStatus.value();
        statusType = newStatus.type();
        statusDate = at;
        updateDate = at;
        if (newStatus.type().closes()) {
            closedDate = at;
            closedByDepartment = department;
            completeDate = newStatus.type() == StatusType.COMPLETE ? at : null;
            completedByDepartment = newStatus.type() == StatusType.COMPLETE ? department : null;
        } else {
            closedDate = null;
            closedByDepartment = null;
            completeDate = null;
            completedByDepartment = null;
        }
    }

    Optional<WorkflowTask> task(String taskId) {
        return tasks.stream().filter(task -> task.id.equalsIgnoreCase(taskId)).findFirst();
    }

    Optional<WorkflowTask> activeTask() {
        return tasks.stream().filter(task -> task.active).findFirst();
    }

    Optional<WorkflowTask> taskAfter(WorkflowTask task) {
        int index = tasks.indexOf(task);
        return index + 1 < tasks.size() ? Optional.of(tasks.get(index + 1)) : Optional.empty();
    }
}
