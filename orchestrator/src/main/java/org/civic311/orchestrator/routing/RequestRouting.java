package org.civic311.orchestrator.routing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.civic311.orchestrator.catalog.Departments;
import org.civic311.orchestrator.dispatch.DepartmentTask;
import org.civic311.orchestrator.dispatch.DepartmentTasks;
import org.civic311.orchestrator.request.RequestNote;
import org.civic311.orchestrator.request.ServiceRequest;
import org.civic311.orchestrator.request.ServiceRequests;
import org.civic311.orchestrator.routing.SlaClock.ServiceLevelDates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Decides, with the routing and service-level rules, who does a request's work and by when; records that
 * on the request and plans the department task.
 */
@Service
public class RequestRouting {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final ServiceRequests requests;
    private final DepartmentTasks tasks;
    private final RoutingRules routingRules;
    private final SlaRules slaRules;
    private final SlaClock slaClock;
    private final Departments departments;
    private final ZoneId zone;
    private final Clock clock;

    RequestRouting(ServiceRequests requests, DepartmentTasks tasks, RoutingRules routingRules, SlaRules slaRules,
                   SlaClock slaClock, Departments departments, @Value("${civic311.zone}") ZoneId zone, Clock clock) {
        this.requests = requests;
        this.tasks = tasks;
        this.routingRules = routingRules;
        this.slaRules = slaRules;
        this.slaClock = slaClock;
        this.departments = departments;
        this.zone = zone;
        this.clock = clock;
    }

    public RoutedTask route(long requestId) {
        ServiceRequest request = requests.get(requestId);
        RoutingDecision decision = decide(request);
        SlaTarget target = target(request, decision.getDepartment(), decision.getPriority());
        ServiceLevelDates dates = slaClock.dates(request.requestedAt(), target);
        Instant due = dates.dueAt();
        String agency = departments.nameOf(decision.getDepartment());
        Instant now = clock.instant();

        requests.routed(request.id(), decision.getDepartment(), agency, due, notice(agency, due), now);
        requests.addNote(request.id(), RequestNote.ROUTED, "Assigned to " + agency + ".", now);
        long taskId = tasks.plan(request.id(), decision.getDepartment(), decision.getSystem(), decision.getPriority(),
                decision.getWorkType(), due, now);
        return new RoutedTask(taskId, decision.getDepartment(), decision.getSystem(), decision.getPriority(), dates,
                target.getSupervisorGroup(), target.getSecondLevelGroup());
    }

    /**
     * The department has until {@code newDue} now: the request publishes it as its expected date, with a public
     * note, and the warning and escalation dates follow it.
     */
    public RoutedTask extend(long requestId, long taskId, Instant newDue) {
        return dueOn(requestId, taskId, newDue, "The expected date is now " + day(newDue) + ".");
    }

    /**
     * The work is due at {@code newDue}, a date agreed with the resident (a collection day): published as the expected
     * date with the public note {@code note}; the warning and escalation dates follow it.
     */
    public RoutedTask dueOn(long requestId, long taskId, Instant newDue, String note) {
        ServiceRequest request = requests.get(requestId);
        DepartmentTask task = tasks.get(taskId);
        SlaTarget target = target(request, task.department(), task.priority());
        Instant now = clock.instant();
        String agency = departments.nameOf(task.department());
        requests.routed(requestId, task.department(), agency, newDue, notice(agency, newDue), now);
        requests.addNote(requestId, RequestNote.ACTIVITY, note, now);
        tasks.reschedule(taskId, newDue);
        return new RoutedTask(taskId, task.department(), task.system(), task.priority(),
                slaClock.datesUntil(now, newDue, target), target.getSupervisorGroup(), target.getSecondLevelGroup());
    }

    /**
     * The service level of a task planned without routing (work done again after a resident's NO): its warning and
     * escalation dates, counted from now up to its due time.
     */
    public RoutedTask serviceLevelOf(long taskId) {
        DepartmentTask task = tasks.get(taskId);
        SlaTarget target = target(requests.get(task.requestId()), task.department(), task.priority());
        return new RoutedTask(taskId, task.department(), task.system(), task.priority(),
                slaClock.datesUntil(clock.instant(), task.dueAt(), target), target.getSupervisorGroup(),
                target.getSecondLevelGroup());
    }

    /**
     * Plans a new task for the request with {@code department} in {@code system}, due at {@code newDue} or, when
     * that is null, by the service level counted from now. The old task is the caller's to cancel.
     *
     * @param previousTaskId the task the new one replaces, whose work type it keeps when the rules give none for
     *                       {@code department} in {@code system}
     */
    public RoutedTask reroute(long requestId, long previousTaskId, String department, String system, String priority,
                              Instant newDue) {
        ServiceRequest request = requests.get(requestId);
        String workType = workTypeFor(request, tasks.get(previousTaskId), department, system);
        SlaTarget target = target(request, department, priority);
        Instant now = clock.instant();
        ServiceLevelDates dates = newDue == null ? slaClock.dates(now, target) : slaClock.datesUntil(now, newDue, target);
        String agency = departments.nameOf(department);
        requests.routed(requestId, department, agency, dates.dueAt(), notice(agency, dates.dueAt()), now);
        requests.addNote(requestId, RequestNote.ROUTED, "Passed to " + agency + ", expected by " + day(dates.dueAt())
                + ".", now);
        long taskId = tasks.plan(requestId, department, system, priority, workType, dates.dueAt(), now);
        return new RoutedTask(taskId, department, system, priority, dates, target.getSupervisorGroup(),
                target.getSecondLevelGroup());
    }

    /**
     * The system's kind of work for a request sent to {@code department} in {@code system} by hand: what the rules in
     * force now name when they route it there too; else the replaced task's, when it was in the same system (a
     * problem code or record type is the site's, not one department's); else none, and a system that needs one
     * refuses the work with a message saying so.
     */
    private String workTypeFor(ServiceRequest request, DepartmentTask previous, String department, String system) {
        RoutingDecision rules = decide(request);
        if (department.equals(rules.getDepartment()) && system.equals(rules.getSystem())) {
            return rules.getWorkType();
        }
        return system.equals(previous.system()) ? previous.workType() : null;
    }

    private RoutingDecision decide(ServiceRequest request) {
        return routingRules.route(new RoutingRequest(request.serviceCode(), request.lat(), request.lon(),
                request.address(), request.zipcode(), request.attributes(), request.area()));
    }

    private SlaTarget target(ServiceRequest request, String department, String priority) {
        return slaRules.target(new SlaRequest(request.serviceCode(), department, priority, request.zipcode(),
                request.attributes()));
    }

    private String notice(String agency, Instant due) {
        return agency + " will take care of it by " + day(due) + ".";
    }

    private String day(Instant at) {
        return DUE.format(at.atZone(zone));
    }

    /**
     * What the process needs to know about the routed work.
     *
     * @param supervisorGroup  who gets the escalation task at the due time
     * @param secondLevelGroup who gets it when it is still unhandled at {@link ServiceLevelDates#secondLevelAt()}
     */
    public record RoutedTask(long taskId, String department, String system, String priority, ServiceLevelDates dates,
                             String supervisorGroup, String secondLevelGroup) {
    }
}
