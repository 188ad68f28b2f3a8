package org.civic311.simulators.cityworks;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civic311.simulators.cityworks.CityworksSimulatorProperties.ProblemType;

/** A service request row in the simulated database. Guarded by the simulator's lock. */
final class StoredRequest {

    final long requestId;
    final int problemSid;
    final String problemCode;
    final String description;
    final String category;
    final int domainId;
    final Instant dateTimeInit;
    final String initiatedBy;

    String initiatedByApp;
    String details;
    String status = "OPEN";
    String priority;
    String resolution;
    String otherSystemId;
    String workOrderId;
    Integer coordinatesWkid;

    boolean closed;
    Instant dateTimeClosed;
    String closedBy;

    boolean canceled;
    Instant dateCancelled;
    String cancelledBy;
    String cancelReason;

    /** Fields stored as given (see {@link EchoedFields}), keyed by their RequestBase name. */
    final Map<String, Object> echoed = new HashMap<>();
    final Map<String, String> caller = new LinkedHashMap<>();

    StoredRequest(long requestId, ProblemType problem, Instant dateTimeInit, String initiatedBy) {
        this.requestId = requestId;
        this.problemSid = problem.problemSid();
        this.problemCode = problem.problemCode();
        this.description = problem.description();
        this.category = problem.category();
        this.domainId = problem.domainId();
        this.priority = problem.priority();
        this.dateTimeInit = dateTimeInit;
        this.initiatedBy = initiatedBy;
    }

    /** Neither closed nor canceled: the only state Close and Cancel accept. */
    boolean isOpen() {
        return !closed && !canceled;
    }

    void close(String by, Instant at) {
        status = "CLOSED";
        closed = true;
        dateTimeClosed = at;
        closedBy = by;
    }

    void cancel(String by, Instant at, String reason) {
        status = "CANCEL";
        canceled = true;
        dateCancelled = at;
        cancelledBy = by;
        cancelReason = reason;
    }

    Map<String, Object> toRequestBase(CityworksDateFormat dates) {
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("RequestId", requestId);
        base.put("ProblemSid", problemSid);
        base.put("ProblemCode", problemCode);
        base.put("Description", description);
        base.put("ReqCategory", category);
        base.put("DomainId", domainId);
        base.put("Details", details);
        base.put("Status", status);
        base.put("Priority", priority);
        base.put("IsClosed", closed);
        base.put("DateTimeInit", dates.format(dateTimeInit));
        base.put("InitiatedBy", initiatedBy);
        base.put("InitiatedByApp", initiatedByApp);
        base.put("DateTimeClosed", dates.format(dateTimeClosed));
        base.put("ClosedBy", closedBy);
        base.put("Cancel", canceled);
        base.put("DateCancelled", dates.format(dateCancelled));
        base.put("CancelledBy", cancelledBy);
        base.put("CancelReason", cancelReason);
        base.put("Resolution", resolution);
        base.put("OtherSystemId", otherSystemId);
        base.put("WorkOrderId", workOrderId);
        base.putAll(EchoedFields.ordered(EchoedFields.REQUEST_OUTPUTS, echoed));
        return base;
    }

    CityworksRequest snapshot(List<String> comments, CityworksDateFormat dates) {
        return new CityworksRequest(requestId, problemCode, status, closed, canceled, otherSystemId, dateTimeClosed,
                resolution, Collections.unmodifiableMap(new LinkedHashMap<>(caller)), List.copyOf(comments),
                Collections.unmodifiableMap(toRequestBase(dates)), coordinatesWkid);
    }
}
