package org.civic311.orchestrator.escalation;

import java.time.Clock;
import java.time.Instant;

import org.civic311.orchestrator.catalog.Departments;
import org.civic311.orchestrator.dispatch.DepartmentSystems;
import org.civic311.orchestrator.dispatch.DepartmentTask;
import org.civic311.orchestrator.dispatch.DepartmentTasks;
import org.civic311.orchestrator.dispatch.Dispatcher;
import org.civic311.orchestrator.notification.DueDateMoved;
import org.civic311.orchestrator.notification.RequestRerouted;
import org.civic311.orchestrator.request.RequestStatus;
import org.civic311.orchestrator.request.ServiceRequests;
import org.civic311.orchestrator.routing.RequestRouting;
import org.civic311.orchestrator.routing.RequestRouting.RoutedTask;
import org.civic311.orchestrator.routing.SlaClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * What a supervisor can do with overdue work. Each action checks everything first and changes nothing when it
 * refuses; each lands in the request's staff notes under the supervisor's name, and what the public may know (new
 * date, new department, closure) in its public history without it.
 */
@Service
public class SupervisorActions {

    private final ServiceRequests requests;
    private final DepartmentTasks tasks;
    private final Dispatcher dispatcher;
    private final DepartmentSystems systems;
    private final Departments departments;
    private final RequestRouting routing;
    private final SlaClock slaClock;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SupervisorActions(ServiceRequests requests, DepartmentTasks tasks, Dispatcher dispatcher, DepartmentSystems systems,
                      Departments departments, RequestRouting routing, SlaClock slaClock, Clock clock,
                      ApplicationEventPublisher events) {
        this.requests = requests;
        this.tasks = tasks;
        this.dispatcher = dispatcher;
        this.systems = systems;
        this.departments = departments;
        this.routing = routing;
        this.slaClock = slaClock;
        this.clock = clock;
        this.events = events;
    }

    /** The request an escalation is about and the department task it waits for. */
    public record OverdueWork(long requestId, long taskId) {
    }

    /**
     * What an escalation acts on, from its tracking number and the task table alone: never from process variables,
     * which whoever may complete the task can also set.
     */
    public OverdueWork overdueWork(String trackingNumber) {
        long requestId = requests.find(trackingNumber).orElseThrow(() -> new IllegalStateException(
                "The escalation names no known request (business key '" + trackingNumber + "')")).id();
        DepartmentTask task = tasks.current(requestId).orElseThrow(() -> new IllegalStateException(
                "Request " + trackingNumber + " has no department task to escalate"));
        return new OverdueWork(requestId, task.id());
    }

    /** @param newDay the new due day (any time of it, read on the city's calendar): due at its closing time */
    public RoutedTask extend(long requestId, long taskId, Instant newDay, String reason, String supervisor) {
        openRequest(requestId);
        if (newDay == null) {
            throw new SupervisorActionRefused("To extend, give the new due date.");
        }
        Instant newDue = slaClock.closingOn(newDay);
        future(newDue);
        Instant current = tasks.get(taskId).dueAt();
        if (current != null && !newDue.isAfter(current)) {
            throw new SupervisorActionRefused("The new due date " + newDue + " is not after the current one ("
                    + current + "); choose a later day.");
        }
        String why = required(reason, "To extend, give the reason (staff only).");
        RoutedTask extended = routing.extend(requestId, taskId, newDue);
        staffNote(requestId, supervisor, "Due date extended to " + newDue + ": " + why);
        events.publishEvent(new DueDateMoved(requestId, newDue));
        return extended;
    }

    /** Cancels the current task (in its system where it can) and plans a new one, which the process then sends. */
    public RoutedTask redispatch(long requestId, long taskId, String department, String system, Instant newDay,
                                 String reason, String supervisor) {
        openRequest(requestId);
        String code = required(department, "To send it again, give the department code.").strip();
        String to = required(system, "To send it again, give the department system.").strip();
        if (!departments.isKnown(code)) {
            throw new SupervisorActionRefused("Unknown department '" + code + "'. Departments: "
                    + String.join(", ", departments.departments().keySet()) + ".");
        }
        if (!systems.names().contains(to)) {
            throw new SupervisorActionRefused("No connector for the system '" + to + "' is enabled. Systems: "
                    + String.join(", ", systems.names()) + ".");
        }
        if (!systems.serves(to, code)) {
            throw new SupervisorActionRefused("The system '" + to + "' is not set up for the department '" + code
                    + "' (civic311.connectors." + to + ".departments." + code + "); choose the department's system.");
        }
        Instant newDue = newDay == null ? null : slaClock.closingOn(newDay);
        if (newDue != null) {
            future(newDue);
        }
        String why = required(reason, "To send it again, give the reason (staff only).");
        DepartmentTask old = tasks.get(taskId);
        dispatcher.cancel(taskId, "Sent to " + departments.nameOf(code) + " instead.");
        RoutedTask routed = routing.reroute(requestId, taskId, code, to, old.priority(), newDue);
        staffNote(requestId, supervisor, "Sent to " + code + " in " + to + " (was " + old.department() + " in "
                + old.system() + "): " + why);
        // The request row names the new department now, which the resident's notice reads.
        events.publishEvent(new RequestRerouted(requestId));
        return routed;
    }

    /** Cancels the department's task; the process then closes the request with the resolution and tells the resident. */
    public String close(long requestId, long taskId, String resolution, String supervisor) {
        if (requests.get(requestId).status() == RequestStatus.CLOSED) {
            // Nothing left to close: the escalation ends, and the words the request was closed with stay.
            staffNote(requestId, supervisor, "Escalation ended: the request was closed already.");
            return resolution == null ? "" : resolution.strip();
        }
        String words = required(resolution, "To close, give the resolution: the resident and the public read it.").strip();
        dispatcher.cancel(taskId, "Closed by the city: " + words);
        staffNote(requestId, supervisor, "Closed: " + words);
        return words;
    }

    public void note(long requestId, String note, String supervisor) {
        staffNote(requestId, supervisor, required(note, "Write the note."));
    }

    private void openRequest(long requestId) {
        if (requests.get(requestId).status() == RequestStatus.CLOSED) {
            throw new SupervisorActionRefused("The request is closed already; close the escalation instead.");
        }
    }

    private void future(Instant due) {
        if (!due.isAfter(clock.instant())) {
            throw new SupervisorActionRefused("The new due date " + due + " is in the past; choose a later one.");
        }
    }

    private static String required(String value, String refusal) {
        if (value == null || value.isBlank()) {
            throw new SupervisorActionRefused(refusal);
        }
        return value;
    }

    private void staffNote(long requestId, String supervisor, String text) {
        requests.addStaffNote(requestId, supervisor == null ? "supervisor" : supervisor, text, clock.instant());
    }
}
