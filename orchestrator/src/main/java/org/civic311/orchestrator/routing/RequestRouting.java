package org.civic311.orchestrator.routing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.civic311.orchestrator.catalog.Departments;
import org.civic311.orchestrator.dispatch.DepartmentTasks;
import org.civic311.orchestrator.request.RequestNote;
import org.civic311.orchestrator.request.ServiceRequest;
import org.civic311.orchestrator.request.ServiceRequests;
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
        RoutingDecision decision = routingRules.route(new RoutingRequest(request.serviceCode(), request.lat(),
                request.lon(), request.address(), request.zipcode(), request.attributes()));
        SlaTarget target = slaRules.target(new SlaRequest(request.serviceCode(), decision.getDepartment(),
                decision.getPriority()));
        Instant due = slaClock.dueAt(request.requestedAt(), target);
        String agency = departments.nameOf(decision.getDepartment());
        Instant now = clock.instant();

        requests.routed(request.id(), decision.getDepartment(), agency, due,
                agency + " will take care of it by " + DUE.format(due.atZone(zone)) + ".", now);
        requests.addNote(request.id(), RequestNote.ROUTED, "Assigned to " + agency + ".", now);
        long taskId = tasks.plan(request.id(), decision.getDepartment(), decision.getSystem(), decision.getPriority(),
                due, now);
        return new RoutedTask(taskId, decision.getDepartment(), decision.getSystem(), decision.getPriority(), due);
    }

    /** What the process needs to know about the routed work. */
    public record RoutedTask(long taskId, String department, String system, String priority, Instant dueAt) {
    }
}
