package org.civic311.orchestrator.staff;

import java.util.List;

import org.civic311.orchestrator.notification.NoticeRecord;
import org.civic311.orchestrator.notification.ResidentNotices;
import org.civic311.orchestrator.request.ServiceRequests;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the resident of a request was told, on which channel and whether it reached them: a notice that failed for
 * good says why. Under {@code /staff/api/}, which asks for an engine user.
 */
@RestController
class StaffNoticesController {

    private final ServiceRequests requests;
    private final ResidentNotices notices;

    StaffNoticesController(ServiceRequests requests, ResidentNotices notices) {
        this.requests = requests;
        this.notices = notices;
    }

    @GetMapping(path = "/staff/api/requests/{trackingNumber}/notifications", produces = "application/json")
    List<NoticeRecord> notifications(@PathVariable String trackingNumber) {
        return requests.find(trackingNumber)
                .map(request -> notices.of(request.id()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No request " + trackingNumber));
    }
}
