package org.civic311.orchestrator.staff;

import java.util.List;

import org.civic311.orchestrator.request.ServiceRequests;
import org.civic311.orchestrator.request.StaffNote;
import org.civic311.orchestrator.workflow.StaffAccess;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What departments said of a request that is for the city's staff only (comments, progress remarks, the unredacted
 * closing words). Under {@code /staff/api/}, which asks for an engine user as Tasklist and {@code /engine-rest} do;
 * only the administrators, the directors and the supervisors of the request's department may read them.
 */
@RestController
class StaffNotesController {

    private final ServiceRequests requests;
    private final StaffAccess access;

    StaffNotesController(ServiceRequests requests, StaffAccess access) {
        this.requests = requests;
        this.access = access;
    }

    @GetMapping(path = "/staff/api/requests/{trackingNumber}/notes", produces = "application/json")
    List<StaffNote> notes(@PathVariable String trackingNumber) {
        var request = requests.find(trackingNumber)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No request " + trackingNumber));
        if (!access.mayReadRequestOf(request.department())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the administrators, the directors and the "
                    + "supervisors of the request's department may read its staff notes.");
        }
        return requests.staffNotes(request.id());
    }
}
