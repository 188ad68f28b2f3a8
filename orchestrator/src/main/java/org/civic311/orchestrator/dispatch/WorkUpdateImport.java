package org.civic311.orchestrator.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.WorkUpdate;
import org.civic311.orchestrator.catalog.Departments;
import org.civic311.orchestrator.request.RequestNote;
import org.civic311.orchestrator.request.ServiceRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what a department did to our records, exactly once per update: comments become notes on the
 * request, a completion moves the waiting process on. Updates that arrive after the task finished are recorded
 * and change nothing: the task's reference no longer works.
 */
@Service
public class WorkUpdateImport {

    private static final Logger log = LoggerFactory.getLogger(WorkUpdateImport.class);

    private final DepartmentTasks tasks;
    private final WorkUpdates updates;
    private final ServiceRequests requests;
    private final Departments departments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkUpdateImport(DepartmentTasks tasks, WorkUpdates updates, ServiceRequests requests, Departments departments,
                     ApplicationEventPublisher events, Clock clock) {
        this.tasks = tasks;
        this.updates = updates;
        this.requests = requests;
        this.departments = departments;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void apply(WorkUpdate update) {
        Optional<DepartmentTask> found = tasks.findByExternal(update.ref().system(), update.ref().id());
        Instant now = clock.instant();
        if (found.isEmpty()) {
            // Its dispatch may not have committed yet (a retried send, a quick clerk): keep it for later.
            if (updates.keepUnmatched(update, now)) {
                log.warn("Update {} refers to {}, which no task of ours has yet; kept until one has",
                        update.updateId(), update.ref());
            }
            return;
        }
        DepartmentTask task = found.get();
        if (!updates.recordOnce(task.id(), update, now)) {
            return;
        }
        if (task.status().isFinished()) {
            // Its reference no longer works: a replayed or late reply must not reopen, re-close or re-word the
            // request. The update stays recorded in work_update for staff.
            log.info("Update {} for task {}, which is already {}, is recorded and changes nothing", update.updateId(),
                    task.id(), task.status());
            return;
        }
        String department = departments.nameOf(task.department());
        switch (update.status()) {
            case COMMENT -> requests.addNote(task.requestId(), RequestNote.ACTIVITY, department + ": " + update.note(), now);
            case IN_PROGRESS -> {
                if (!task.status().isFinished()) {
                    tasks.moveTo(task.id(), TaskStatus.IN_PROGRESS, null, now);
                }
                requests.addNote(task.requestId(), RequestNote.ACTIVITY,
                        withNote(department + " has started the work.", update.note()), now);
            }
            case COMPLETED, CANCELLED -> finish(task, update, now);
        }
    }

    /** Updates kept because they came before their task was dispatched, now that it has been. */
    List<WorkUpdate> keptUpdatesNowMatching(String system) {
        return updates.unmatchedNowMatching(system);
    }

    private void finish(DepartmentTask task, WorkUpdate update, Instant now) {
        TaskStatus outcome = update.status() == WorkStatus.COMPLETED
                ? TaskStatus.COMPLETED : TaskStatus.CANCELLED;
        tasks.moveTo(task.id(), outcome, update.note(), now);
        events.publishEvent(new DepartmentWorkDone(task.id(), outcome, update.note()));
    }

    private static String withNote(String sentence, String note) {
        return note.isEmpty() ? sentence : sentence + " " + note;
    }
}
