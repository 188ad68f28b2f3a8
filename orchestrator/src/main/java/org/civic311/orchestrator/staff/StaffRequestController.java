package org.civic311.orchestrator.staff;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.civic311.orchestrator.duplicates.DuplicateLinkRefused;
import org.civic311.orchestrator.duplicates.DuplicateLinks;

import org.civic311.orchestrator.notification.NoticeRecord;
import org.civic311.orchestrator.notification.ResidentNotices;
import org.civic311.orchestrator.request.ServiceRequest;
import org.civic311.orchestrator.request.ServiceRequests;
import org.civic311.orchestrator.request.StaffNote;
import org.civic311.orchestrator.workflow.StaffAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the city's staff may read of a request and the public may not, and the corrections they make to it (marking
 * it as a duplicate, unlinking it). Under {@code /staff/api/}, which asks for an engine user as Tasklist and
 * {@code /engine-rest} do; only the administrators, the directors and the supervisors of the request's department may
 * read or correct a request.
 */
@RestController
class StaffRequestController {

    private final ServiceRequests requests;
    private final ResidentNotices notices;
    private final StaffAccess access;
    private final DuplicateLinks duplicates;

    StaffRequestController(ServiceRequests requests, ResidentNotices notices, StaffAccess access,
                           DuplicateLinks duplicates) {
        this.requests = requests;
        this.notices = notices;
        this.access = access;
        this.duplicates = duplicates;
    }

    /** The link of a request to the request it duplicates, as the staff API answers it. */
    record DuplicateLink(@JsonProperty("service_request_id") String serviceRequestId, boolean duplicate,
                         @JsonProperty("parent_service_request_id") String parentServiceRequestId) {
    }

    /**
     * Marks the request as a duplicate of {@code parent} (a tracking number): its own department task is withdrawn,
     * it follows the parent from now on, and its resident is told.
     */
    @PostMapping(path = "/staff/api/requests/{trackingNumber}/duplicate-of", produces = "application/json")
    ResponseEntity<?> markDuplicate(@PathVariable String trackingNumber,
                                    @RequestParam(name = "parent", required = false) String parent) {
        readable(trackingNumber);
        return answer(() -> {
            ServiceRequest followed = duplicates.mark(trackingNumber, parent, access.currentUser());
            return new DuplicateLink(trackingNumber, true, followed.trackingNumber());
        });
    }

    /** Unlinks a duplicate: it is routed and sent to a department on its own. */
    @DeleteMapping(path = "/staff/api/requests/{trackingNumber}/duplicate-of", produces = "application/json")
    ResponseEntity<?> unlinkDuplicate(@PathVariable String trackingNumber) {
        readable(trackingNumber);
        return answer(() -> {
            duplicates.unlink(trackingNumber, access.currentUser());
            return new DuplicateLink(trackingNumber, false, null);
        });
    }

    /** A refusal answers in the Open311 error format: [{"code":400,"description":"…"}]; nothing was changed. */
    private static ResponseEntity<?> answer(Supplier<DuplicateLink> change) {
        try {
            return ResponseEntity.ok(change.get());
        } catch (DuplicateLinkRefused refused) {
            HttpStatus status = refused.unknownRequest() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(List.of(Map.of("code", status.value(), "description", refused.getMessage())));
        }
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
