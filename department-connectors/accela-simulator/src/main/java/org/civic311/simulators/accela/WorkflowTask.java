package org.civic311.simulators.accela;

import java.time.Duration;
import java.time.Instant;

import org.civic311.simulators.accela.AccelaSimulatorProperties.TaskSetting;
import org.civic311.simulators.accela.AccelaSimulatorProperties.TaskStatusSetting;

/**
 * One task of a record's workflow. Tasks run one after another: completing the active one activates the
 * next. Ids look like Accela's ({@code 14-1}: the record's process, then the step).
 */
final class WorkflowTask {

    final String id;
    final TaskSetting setting;
    String nextTaskId;
    boolean active;
    boolean completed;
    String status;
    Instant statusDate;
    String comment;
    Instant assignedDate;
    Instant dueDate;
    Instant endTime;
    Instant lastModifiedDate;

    WorkflowTask(String id, TaskSetting setting) {
        this.id = id;
        this.setting = setting;
    }

    String name() {
        return setting.name();
    }

    void activate(Instant now) {
        active = true;
        assignedDate = now;
        lastModifiedDate = now;
        if (setting.daysDue() != null) {
            dueDate = now.plus(Duration.ofDays(setting.daysDue()));
        }
    }

    /** The status as this task allows it, or a data_validation_error naming the allowed ones. */
    TaskStatusSetting allowedStatus(String value) {
        return setting.statuses().stream()
                .filter(candidate -> candidate.value().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> AccelaApiException.invalidData(
                        "Invalid status '" + value + "' for workflow task '" + name() + "'.",
                        "Allowed statuses: " + setting.statuses().stream().map(TaskStatusSetting::value).toList()));
    }

    void give(TaskStatusSetting newStatus, Instant at, String newComment, Instant now) {
        status = newStatus.value();
        statusDate = at;
        if (newComment != null) {
            comment = newComment;
        }
        lastModifiedDate = now;
        if (newStatus.completesTask()) {
            active = false;
            completed = true;
            endTime = now;
        }
    }
}
