package org.civic311.simulators.cityworks;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civic311.simulators.cityworks.CityworksSimulatorProperties.WorkOrderTemplate;

/** A work order row in the simulated database. Guarded by the simulator's lock. */
final class StoredWorkOrder {

    /** WOStage ACTUAL; a 311 integration creates work to be done, not a proposal. */
    private static final int STAGE_ACTUAL = 1;

    final long workOrderSid;
    final String workOrderId;
    final String woTemplateId;
    final String description;
    final String applyToEntity;
    final Instant initiateDate;
    final String initiatedBy;

    String initiatedByApp;
    String status = "OPEN";
    String priority;
    String instructions;
    Integer coordinatesWkid;
    String resolution;
    Instant actualFinishDate;

    boolean closed;
    Instant dateWOClosed;
    String woClosedBy;

    boolean canceled;
    Instant dateCancelled;
    String cancelledBy;
    String cancelReason;

    final Set<Long> requestIds = new LinkedHashSet<>();
    /** Fields stored as given (see {@link EchoedFields}), keyed by their WorkOrderBase name. */
    final Map<String, Object> echoed = new HashMap<>();

    StoredWorkOrder(long workOrderSid, String workOrderId, WorkOrderTemplate template, String entityType,
                    Instant initiateDate, String initiatedBy) {
        this.workOrderSid = workOrderSid;
        this.workOrderId = workOrderId;
        this.woTemplateId = template.woTemplateId();
        this.description = template.description();
        this.applyToEntity = entityType;
        this.initiateDate = initiateDate;
        this.initiatedBy = initiatedBy;
    }

    boolean isOpen() {
        return !closed && !canceled;
    }

    /** Closing also finishes the work, unless a finish date was already recorded. */
    void close(String by, Instant at) {
        status = "CLOSED";
        closed = true;
        dateWOClosed = at;
        woClosedBy = by;
        if (actualFinishDate == null) {
            actualFinishDate = at;
        }
    }

    void cancel(String by, Instant at, String reason) {
        status = "CANCEL";
        canceled = true;
        dateCancelled = at;
        cancelledBy = by;
        cancelReason = reason;
    }

    Map<String, Object> toWorkOrderBase(CityworksDateFormat dates) {
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("WorkOrderId", workOrderId);
        base.put("WorkOrderSid", workOrderSid);
        base.put("WOTemplateId", woTemplateId);
        base.put("Description", description);
        base.put("ApplyToEntity", applyToEntity);
        base.put("Status", status);
        base.put("Stage", STAGE_ACTUAL);
        base.put("Priority", priority);
        base.put("InitiateDate", dates.format(initiateDate));
        base.put("InitiatedBy", initiatedBy);
        base.put("InitiatedByApp", initiatedByApp);
        base.put("ActualFinishDate", dates.format(actualFinishDate));
        base.put("IsClosed", closed);
        base.put("DateWOClosed", dates.format(dateWOClosed));
        base.put("WOClosedBy", woClosedBy);
        base.put("Cancel", canceled);
        base.put("DateCancelled", dates.format(dateCancelled));
        base.put("CancelledBy", cancelledBy);
        base.put("CancelReason", cancelReason);
        base.put("Resolution", resolution);
        base.putAll(EchoedFields.ordered(EchoedFields.WORK_ORDER_OUTPUTS, echoed));
        return base;
    }

    CityworksWorkOrder snapshot(List<String> comments, CityworksDateFormat dates) {
        return new CityworksWorkOrder(workOrderId, workOrderSid, woTemplateId, status, closed, canceled, dateWOClosed,
                resolution, List.copyOf(requestIds), instructions, List.copyOf(comments),
                Collections.unmodifiableMap(toWorkOrderBase(dates)), coordinatesWkid);
    }
}
