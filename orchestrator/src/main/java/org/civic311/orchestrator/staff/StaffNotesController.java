package org.civic311.orchestrator.staff;

import java.util.List;

import org.civic311.orchestrator.request.ServiceRequests;
import org.civic311.orchestrator.request.StaffNote;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What departments said of a request that is for the city's staff only (comments, progress remarks, the unredacted
 * closing words). Under {@code /staff/api/}, which asks for an engine user as Tasklist and {@code /engine-rest} do.
 */
@RestController
class StaffNotesController {

    private final ServiceRequests requests;

    StaffNotesController(ServiceRequests requests) {
        this.requests = requests;
    }

    @GetMapping(path = "/staff/api/requests/{trackingNumber}/notes", produces = "application/json")
    List<StaffNote> notes(@PathVariable String trackingNumber) {
        return requests.find(trackingNumber)
                .map(request -> requests.staffNotes(request.id()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No request " + trackingNumber));
    }
}
