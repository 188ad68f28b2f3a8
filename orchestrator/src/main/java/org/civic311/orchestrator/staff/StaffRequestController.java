package org.civic311.orchestrator.staff;

import java.util.List;

import org.civic311.orchestrator.notification.NoticeRecord;
import org.civic311.orchestrator.notification.ResidentNotices;
import org.civic311.orchestrator.request.ServiceRequest;
import org.civic311.orchestrator.request.ServiceRequests;
import org.civic311.orchestrator.request.StaffNote;
import org.civic311.orchestrator.workflow.StaffAccess;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the city's staff may read of a request and the public may not. Under {@code /staff/api/}, which asks for an
 * engine user as Tasklist and {@code /engine-rest} do; only the administrators, the directors and the supervisors of
 * the request's department may read a request's.
 */
@RestController
class StaffRequestController {

    private final ServiceRequests requests;
    private final ResidentNotices notices;
    private final StaffAccess access;

    StaffRequestController(ServiceRequests requests, ResidentNotices notices, StaffAccess access) {
        this.requests = requests;
        this.notices = notices;
        this.access = access;
    }

    /** Where the request stands: its department and the service area it lies in. */
    @GetMapping(path = "/staff/api/requests/{trackingNumber}", produces = "application/json")
    StaffRequestView request(@PathVariable String trackingNumber) {
        return StaffRequestView.of(readable(trackingNumber));
    }

    /** What departments said for staff only: comments, progress remarks, the unredacted closing words. */
    @GetMapping(path = "/staff/api/requests/{trackingNumber}/notes", produces = "application/json")
    List<StaffNote> notes(@PathVariable String trackingNumber) {
        return requests.staffNotes(readable(trackingNumber).id());
    }

    /**
     * What the resident was told, on which channel and whether it reached them (a notice that failed for good says
     * why); never to whom.
     */
    @GetMapping(path = "/staff/api/requests/{trackingNumber}/notifications", produces = "application/json")
    List<NoticeRecord> notifications(@PathVariable String trackingNumber) {
        return notices.of(readable(trackingNumber).id());
    }

    private ServiceRequest readable(String trackingNumber) {
        ServiceRequest request = requests.find(trackingNumber)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No request " + trackingNumber));
        if (!access.mayReadRequestOf(request.department())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the administrators, the directors and the "
                    + "supervisors of the request's department may read what staff see of it.");
        }
        return request;
    }
}
