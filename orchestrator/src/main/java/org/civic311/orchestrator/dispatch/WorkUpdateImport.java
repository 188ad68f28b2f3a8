package org.civic311.orchestrator.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.civic311.connectors.Redaction;
import org.civic311.connectors.UnreadableUpdate;
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
 * Applies what a department did to our records, exactly once per update: a completion moves the waiting process
 * on, with the department's resolution (redacted) as the request's public closing words; every other remark of the
 * department is a staff note, never published. Once a task is finished its reference no longer works: later
 * updates are kept as staff notes and change nothing else.
 */
@Service
public class WorkUpdateImport {

    private static final Logger log = LoggerFactory.getLogger(WorkUpdateImport.class);

    private final DepartmentTasks tasks;
    private final WorkUpdates updates;
    private final UnreadableUpdates unreadable;
    private final ServiceRequests requests;
    private final Departments departments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkUpdateImport(DepartmentTasks tasks, WorkUpdates updates, UnreadableUpdates unreadable, ServiceRequests requests,
                     Departments departments, ApplicationEventPublisher events, Clock clock) {
        this.tasks = tasks;
        this.updates = updates;
        this.unreadable = unreadable;
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
        String department = departments.nameOf(task.department());
        if (task.status().isFinished()) {
            // Its reference no longer works: a replayed or late reply must not reopen, re-close or re-word the
            // request. Staff still see what the department said.
            log.info("Update {} for task {}, which is already {}, changes nothing", update.updateId(), task.id(),
                    task.status());
            staffNote(task, department, update.note(), now);
            return;
        }
        switch (update.status()) {
            case COMMENT -> staffNote(task, department, update.note(), now);
            case IN_PROGRESS -> {
                tasks.moveTo(task.id(), TaskStatus.IN_PROGRESS, null, now);
                requests.addNote(task.requestId(), RequestNote.ACTIVITY, department + " has started the work.", now);
                staffNote(task, department, update.note(), now);
            }
            case COMPLETED, CANCELLED -> finish(task, update, department, now);
        }
    }

    /**
     * Keeps what a system could not read, once, for staff: on the request's process as an incident when it names a
     * task of ours, and always in the unreadable-update table and the error log.
     */
    @Transactional
    public void keep(String system, UnreadableUpdate update) {
        Optional<DepartmentTask> task = update.ref() == null ? Optional.empty()
                : tasks.findByExternal(system, update.ref().id());
        Optional<Long> kept = unreadable.keepOnce(system, update, task.map(DepartmentTask::id), clock.instant());
        if (kept.isEmpty()) {
            return;
        }
        // No reason in the log: it may quote what the department sent. Staff read it in the table or in Cockpit.
        log.error("An update from {} could not be read; kept as unreadable update {}{}", system, kept.get(),
                task.map(t -> " for department task " + t.id()).orElse(", which names no task of ours"));
        task.ifPresent(t -> events.publishEvent(new DepartmentUpdateUnreadable(t.id(), kept.get(), update.reason())));
    }

    /**
     * Unreadable updates kept before their task's dispatch was recorded (a department answering within moments of
     * the sending), whose task is known now.
     */
    List<UnreadableUpdates.Unmatched> unreadableNowMatching(String system) {
        return unreadable.unmatchedNowMatching(system);
    }

    /**
     * Gives such an update its task, and the task's process the incident it would have raised had it come later;
     * nothing when another node did so first.
     */
    @Transactional
    public void attachUnreadable(String system, UnreadableUpdates.Unmatched update) {
        if (unreadable.attach(update)) {
            log.error("Unreadable update {} from {} names department task {}, dispatched since it came",
                    update.id(), system, update.taskId());
            events.publishEvent(new DepartmentUpdateUnreadable(update.taskId(), update.id(), update.reason()));
        }
    }

    /**
     * The updates not applied before, in their order. A poll reads again what the previous one read (its window
     * overlaps); those are passed over here with one query for the lot instead of a transaction each.
     */
    List<WorkUpdate> notYetApplied(List<WorkUpdate> pulled) {
        Map<String, Set<String>> applied = new HashMap<>();
        pulled.stream().collect(Collectors.groupingBy(u -> u.ref().system(),
                        Collectors.mapping(WorkUpdate::updateId, Collectors.toList())))
                .forEach((system, ids) -> applied.put(system, updates.appliedAmong(system, ids)));
        return pulled.stream().filter(u -> !applied.get(u.ref().system()).contains(u.updateId())).toList();
    }

    /** Updates kept because they came before their task was dispatched, now that it has been. */
    List<WorkUpdate> keptUpdatesNowMatching(String system) {
        return updates.unmatchedNowMatching(system);
    }

    private void finish(DepartmentTask task, WorkUpdate update, String department, Instant now) {
        TaskStatus outcome = update.status() == WorkStatus.COMPLETED
                ? TaskStatus.COMPLETED : TaskStatus.CANCELLED;
        tasks.moveTo(task.id(), outcome, Redaction.withoutReferences(update.note()), now);
        // Only the closing words are published, and only after redaction; staff keep the department's own.
        String resolution = Redaction.forPublic(update.note());
        if (!resolution.equals(update.note())) {
            staffNote(task, department, update.note(), now);
        }
        events.publishEvent(new DepartmentWorkDone(task.id(), requests.get(task.requestId()).trackingNumber(), outcome,
                resolution));
    }

    private void staffNote(DepartmentTask task, String department, String note, Instant now) {
        if (!note.isBlank()) {
            requests.addStaffNote(task.requestId(), department, Redaction.withoutReferences(note), now);
        }
    }
}
