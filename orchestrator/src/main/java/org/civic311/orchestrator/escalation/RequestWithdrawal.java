package org.civic311.orchestrator.escalation;

import java.time.Clock;

import org.civic311.orchestrator.dispatch.DepartmentTasks;
import org.civic311.orchestrator.dispatch.Dispatcher;
import org.civic311.orchestrator.request.RequestStatus;
import org.civic311.orchestrator.request.ServiceRequest;
import org.civic311.orchestrator.request.ServiceRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** A request whose process staff ended before the work was done: closed with a public note, its task withdrawn. */
@Service
public class RequestWithdrawal {

    /** The public note: says what happened, not who did it. */
    public static final String NOTE = "Closed by the city without further work on this request.";

    private static final Logger log = LoggerFactory.getLogger(RequestWithdrawal.class);

    private final ServiceRequests requests;
    private final DepartmentTasks tasks;
    private final Dispatcher dispatcher;
    private final Clock clock;

    RequestWithdrawal(ServiceRequests requests, DepartmentTasks tasks, Dispatcher dispatcher, Clock clock) {
        this.requests = requests;
        this.tasks = tasks;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Withdraws the request's current department task, if it was routed; a duplicate's process ends quietly. */
    public void processEnded(long requestId, String why) {
        ServiceRequest request = requests.get(requestId);
        if (request.status() == RequestStatus.CLOSED || request.duplicateOf() != null) {
            // Closed already, or marked as a duplicate: its work was withdrawn then, and it follows its parent now.
            return;
        }
        tasks.current(requestId).ifPresent(task -> dispatcher.cancel(task.id(), NOTE));
        requests.close(requestId, NOTE, clock.instant());
        requests.addStaffNote(requestId, "Civic311", "Its process was ended" + (why == null ? "" : ": " + why) + ".",
                clock.instant());
        log.info("Request {} closed: its process was ended ({})", requestId, why);
    }
}
