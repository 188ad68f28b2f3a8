package org.civic311.orchestrator.duplicates;

import java.time.Clock;

import org.civic311.orchestrator.dispatch.DepartmentTasks;
import org.civic311.orchestrator.dispatch.Dispatcher;
import org.civic311.orchestrator.request.DuplicateLinked;
import org.civic311.orchestrator.request.DuplicateUnlinked;
import org.civic311.orchestrator.request.RequestStatus;
import org.civic311.orchestrator.request.ServiceRequest;
import org.civic311.orchestrator.request.ServiceRequests;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff correcting what intake decided: a request marked as a duplicate of another, or unlinked to be sent on its
 * own. Every check comes first, so a refusal changes nothing. Links stay one level deep: a request linked to a
 * duplicate is linked to that duplicate's parent, and a request with duplicates hands them to its new parent.
 */
@Service
public class DuplicateLinks {

    /** How many links are followed looking for a cycle before the chain itself is taken for one. */
    private static final int LONGEST_CHAIN = 100;

    private final ServiceRequests requests;
    private final DepartmentTasks tasks;
    private final Dispatcher dispatcher;
    private final RequestProcesses processes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DuplicateLinks(ServiceRequests requests, DepartmentTasks tasks, Dispatcher dispatcher, RequestProcesses processes,
                   ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.tasks = tasks;
        this.dispatcher = dispatcher;
        this.processes = processes;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Marks the request as a duplicate of another: its department task, if it has one, is withdrawn and its process
     * ended; its resident is told which request it follows now.
     *
     * @return the request it follows now (the parent named, or that one's own parent)
     * @throws DuplicateLinkRefused for an unknown or closed request, a self-link or a cycle of links
     */
    @Transactional
    public ServiceRequest mark(String trackingNumber, String parentTrackingNumber, String staff) {
        ServiceRequest request = known(trackingNumber);
        ServiceRequest parent = parentFor(request, parentTrackingNumber);
        if (request.duplicateOf() != null && request.duplicateOf() == parent.id()) {
            return parent; // linked so already
        }
        boolean ownWork = request.duplicateOf() == null;
        link(request, parent, staff);
        if (ownWork) {
            tasks.current(request.id()).ifPresent(task -> dispatcher.cancel(task.id(), withdrawal(parent)));
            processes.endForDuplicate(request.trackingNumber(), "duplicate of " + parent.trackingNumber());
        }
        return parent;
    }

    /**
     * Marks the request of an escalation as a duplicate: its task is withdrawn, and the escalation's process ends
     * by itself, leaving the request open to follow its parent.
     */
    @Transactional
    public ServiceRequest markFromEscalation(long requestId, long taskId, String parentTrackingNumber, String staff) {
        ServiceRequest request = requests.get(requestId);
        ServiceRequest parent = parentFor(request, parentTrackingNumber);
        link(request, parent, staff);
        dispatcher.cancel(taskId, withdrawal(parent));
        return parent;
    }

    /**
     * Unlinks a duplicate: it is routed and sent to a department on its own, as a new request is.
     *
     * @throws DuplicateLinkRefused for an unknown or closed request, or one that is no duplicate
     */
    @Transactional
    public ServiceRequest unlink(String trackingNumber, String staff) {
        ServiceRequest request = known(trackingNumber);
        if (request.duplicateOf() == null) {
            throw new DuplicateLinkRefused(trackingNumber + " is no duplicate: there is no link to remove.");
        }
        open(request);
        String parent = requests.get(request.duplicateOf()).trackingNumber();
        requests.unlink(request.id(), clock.instant());
        requests.addStaffNote(request.id(), staff, "Unlinked from " + parent + ": sent on its own.", clock.instant());
        events.publishEvent(new DuplicateUnlinked(request.id(), request.trackingNumber(), request.serviceCode()));
        return requests.get(request.id());
    }

    private ServiceRequest parentFor(ServiceRequest request, String parentTrackingNumber) {
        if (parentTrackingNumber == null || parentTrackingNumber.isBlank()) {
            throw new DuplicateLinkRefused("Give the tracking number of the request it duplicates (parent).");
        }
        ServiceRequest named = known(parentTrackingNumber.strip());
        if (named.id() == request.id()) {
            throw new DuplicateLinkRefused("A request cannot be a duplicate of itself (" + request.trackingNumber() + ").");
        }
        open(request);
        ServiceRequest root = named;
        for (int link = 0; root.duplicateOf() != null; link++) {
            if (root.duplicateOf() == request.id() || link == LONGEST_CHAIN) {
                throw new DuplicateLinkRefused(named.trackingNumber() + " is itself a duplicate of "
                        + request.trackingNumber() + ": the link would make a cycle. Unlink "
                        + named.trackingNumber() + " first.");
            }
            root = requests.get(root.duplicateOf());
        }
        if (root.status() == RequestStatus.CLOSED) {
            throw new DuplicateLinkRefused(root.trackingNumber() + " is closed: a request can only follow an open one.");
        }
        return root;
    }

    private void link(ServiceRequest request, ServiceRequest parent, String staff) {
        requests.linkTo(request.id(), parent.id(), clock.instant());
        requests.addStaffNote(request.id(), staff, "Marked as a duplicate of " + parent.trackingNumber() + ".",
                clock.instant());
        events.publishEvent(new DuplicateLinked(request.id(), parent.id()));
    }

    private ServiceRequest known(String trackingNumber) {
        return requests.find(trackingNumber)
                .orElseThrow(() -> new DuplicateLinkRefused("No request " + trackingNumber + ".", true));
    }

    private static void open(ServiceRequest request) {
        if (request.status() == RequestStatus.CLOSED) {
            throw new DuplicateLinkRefused(request.trackingNumber() + " is closed: only an open request can be linked"
                    + " or unlinked.");
        }
    }

    private static String withdrawal(ServiceRequest parent) {
        return "Duplicate of " + parent.trackingNumber() + ": the work is done under that request.";
    }
}
