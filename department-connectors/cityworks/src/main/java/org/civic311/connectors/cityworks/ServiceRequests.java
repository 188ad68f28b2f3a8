package org.civic311.connectors.cityworks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civic311.connectors.ConnectorRefusal;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkOrder;
import org.civic311.connectors.WorkUpdate;

/**
 * Civic311 tasks as Cityworks service requests: one request per task, filed under the problem type whose code the
 * routing rules gave as its work type, with our task key as OtherSystemId. A retry looks that key up first and never makes a second
 * request; completion is found by searching closed and canceled requests since the watermark.
 */
final class ServiceRequests implements CityworksItems {

    private static final Log log = LogFactory.getLog(ServiceRequests.class);

    private final ServiceRequestApi requests;
    private final CommentApi comments;
    private final WorkText text;
    private final SitePoint point;
    private final ProblemTypes problemTypes;

    ServiceRequests(ServiceRequestApi requests, CommentApi comments, WorkText text, SitePoint point,
                    ProblemTypes problemTypes) {
        this.requests = requests;
        this.problemTypes = problemTypes;
        this.comments = comments;
        this.text = text;
        this.point = point;
    }

    @Override
    public ExternalRef push(WorkOrder order, String departmentCode, CityworksConnectorProperties.Department department) {
        if (!CallData.present(order.workType())) {
            throw new ConnectorRefusal("The routing decision gives no Cityworks problem code for " + order.serviceCode()
                    + " to department '" + departmentCode + "': give it as the work type in the routing rules,"
                    + " e.g. routeTo(\"" + departmentCode + "\", \"cityworks\", \"P2\", \"TREE DAMAGED\")");
        }
        Optional<Long> earlier = EarlierAttempt.oldest(order.taskKey(), "service request",
                requests.withOtherSystemId(order.taskKey()));
        if (earlier.isPresent()) {
            return CityworksRef.serviceRequest(earlier.get());
        }
        long problemSid = problemTypes.sidOf(order.workType());
        RequestBase created = requests.create(createData(order, problemSid, department));
        log.info("Created Cityworks service request " + created.requestId() + " for " + order.trackingNumber()
                + " (task " + order.taskKey() + ", " + order.workType() + ", ProblemSid " + problemSid + ")");
        return CityworksRef.serviceRequest(created.requestId());
    }

    private Map<String, Object> createData(WorkOrder order, long problemSid,
                                           CityworksConnectorProperties.Department department) {
        CallData data = new CallData()
                .put("ProblemSid", problemSid)
                .put("Details", text.of(order));
        WorkOrder.Location where = order.location();
        point.addTo(data, where);
        WorkOrder.Caller caller = order.caller();
        return data.putPresent("Address", where.address())
                .putPresent("Zip", where.zipcode())
                .putPresent("CallerFirstName", caller.firstName())
                .putPresent("CallerLastName", caller.lastName())
                .putPresent("CallerEmail", caller.email())
                // The one phone number a resident gives goes into the call form's main phone field.
                .putPresent("CallerHomePhone", caller.phone())
                .put("OtherSystemId", order.taskKey())
                .putPresent("InitiatedByApp", department.initiatedByApp())
                .putPresent("SubmitToSid", department.submitToSid())
                .putPresent("DispatchToSid", department.dispatchToSid())
                .fields();
    }

    @Override
    public boolean cancel(String id, String reason) {
        Optional<RequestBase> answered = requests.cancel(CityworksRef.number(id), reason);
        answered.filter(request -> !request.canceled()).ifPresent(request -> log.info("Cityworks service request "
                + id + " was " + request.status() + " already; it cannot be canceled"));
        return answered.map(RequestBase::canceled).orElse(false);
    }

    @Override
    public List<WorkUpdate> updatesSince(Instant since) {
        Set<Long> ids = new LinkedHashSet<>(requests.closedSince(since));
        ids.addAll(requests.canceledSince(since));
        if (ids.isEmpty()) {
            return List.of();
        }
        // Dates on the wire have whole seconds: compare as Search did.
        Instant from = since.truncatedTo(ChronoUnit.SECONDS);
        List<Ended> ended = new ArrayList<>();
        for (RequestBase request : requests.byIds(List.copyOf(ids))) {
            if (!CallData.present(request.otherSystemId())) {
                continue; // not ours: made by staff or another system
            }
            CityworksStatus.of(request.closed(), request.canceled())
                    .map(status -> new Ended(request, status,
                            status == CityworksStatus.CANCELED ? request.dateCancelled() : request.dateTimeClosed()))
                    .filter(end -> end.at() != null && !end.at().isBefore(from))
                    .ifPresent(ended::add);
        }
        Map<Long, CommentApi.Newest> newestComments = comments.latest(CommentApi.REQUEST, ended.stream()
                .map(end -> end.request().requestId())
                .toList());
        List<WorkUpdate> updates = new ArrayList<>();
        for (Ended end : ended) {
            ExternalRef ref = CityworksRef.serviceRequest(end.request().requestId());
            // The remark first: written while the item was open, it is a note on open work, applied before the end.
            CommentApi.Newest comment = newestComments.get(end.request().requestId());
            if (comment != null) {
                updates.add(comment.asStaffComment(ref, end.at()));
            }
            updates.add(new WorkUpdate(ref, end.status().updateId(ref, end.at()), end.status().reportedAs(),
                    end.ownWords(), end.at()));
        }
        return updates;
    }

    /** A request of ours that was closed or canceled, and when. */
    private record Ended(RequestBase request, CityworksStatus status, Instant at) {

        /** The resolution staff wrote, else the reason it was canceled; null when neither was written. */
        String ownWords() {
            if (CallData.present(request.resolution())) {
                return request.resolution();
            }
            return status == CityworksStatus.CANCELED && CallData.present(request.cancelReason())
                    ? request.cancelReason() : null;
        }
    }
}
