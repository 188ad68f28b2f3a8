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
 * Civic311 tasks as Cityworks work orders, for departments that skip service requests: one work order per
 * task from the template (WOTemplateId) the routing rules gave as its work type; the site refuses one it does not
 * know. Work orders have no OtherSystemId, so the task key goes
 * into a Text field ({@code work-order-task-field}, Text1 by default) that a retry searches on first.
 */
final class WorkOrders implements CityworksItems {

    private static final Log log = LogFactory.getLog(WorkOrders.class);

    private final WorkOrderApi workOrders;
    private final CommentApi comments;
    private final WorkText text;
    private final SitePoint point;

    WorkOrders(WorkOrderApi workOrders, CommentApi comments, WorkText text, SitePoint point) {
        this.workOrders = workOrders;
        this.comments = comments;
        this.text = text;
        this.point = point;
    }

    @Override
    public ExternalRef push(WorkOrder order, String departmentCode, CityworksConnectorProperties.Department department) {
        if (!CallData.present(order.workType())) {
            throw new ConnectorRefusal("The routing decision gives no Cityworks work order template for "
                    + order.serviceCode() + " to department '" + departmentCode + "': give its WOTemplateId as the"
                    + " work type in the routing rules");
        }
        String template = order.workType().strip();
        Optional<String> earlier = EarlierAttempt.oldest(order.taskKey(), "work order",
                workOrders.withReference(order.taskKey()));
        if (earlier.isPresent()) {
            return CityworksRef.workOrder(earlier.get());
        }
        WorkOrderBase created = workOrders.create(createData(order, template, department));
        log.info("Created Cityworks work order " + created.workOrderId() + " for " + order.trackingNumber()
                + " (task " + order.taskKey() + ", template " + template + ")");
        return CityworksRef.workOrder(created.workOrderId());
    }

    private Map<String, Object> createData(WorkOrder order, String template,
                                           CityworksConnectorProperties.Department department) {
        CallData data = new CallData()
                .put("WOTemplateId", template)
                .put("EntityType", department.entityType());
        WorkOrder.Location where = order.location();
        point.addTo(data, where);
        return data.putPresent("Address", where.address())
                .put("Instructions", text.of(order))
                .put(workOrders.referenceField(), order.taskKey())
                .putPresent("InitiatedByApp", department.initiatedByApp())
                .putPresent("SubmitToSid", department.submitToSid())
                .fields();
    }

    @Override
    public boolean cancel(String id, String reason) {
        Optional<WorkOrderBase> answered = workOrders.cancel(id, reason);
        answered.filter(workOrder -> !workOrder.canceled()).ifPresent(workOrder -> log.info("Cityworks work order "
                + id + " was " + workOrder.status() + " already; it cannot be canceled"));
        return answered.map(WorkOrderBase::canceled).orElse(false);
    }

    @Override
    public List<WorkUpdate> updatesSince(Instant since) {
        Set<String> ids = new LinkedHashSet<>(workOrders.closedSince(since));
        ids.addAll(workOrders.canceledSince(since));
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant from = since.truncatedTo(ChronoUnit.SECONDS);
        List<Ended> ended = new ArrayList<>();
        for (WorkOrderBase workOrder : workOrders.byIds(List.copyOf(ids))) {
            if (!CallData.present(workOrder.reference())) {
                continue; // not ours
            }
            CityworksStatus.of(workOrder.closed(), workOrder.canceled())
                    .map(status -> new Ended(workOrder, status,
                            status == CityworksStatus.CANCELED ? workOrder.dateCancelled() : workOrder.dateWOClosed()))
                    // Also drops old cancellations from a site that ignored the DateCancelled filter.
                    .filter(end -> end.at() != null && !end.at().isBefore(from))
                    .ifPresent(ended::add);
        }
        Map<Long, CommentApi.Newest> newestComments = comments.latest(CommentApi.WORK_ORDER, ended.stream()
                .map(end -> end.workOrder().workOrderSid())
                .toList());
        List<WorkUpdate> updates = new ArrayList<>();
        for (Ended end : ended) {
            ExternalRef ref = CityworksRef.workOrder(end.workOrder().workOrderId());
            // The remark first: written while the item was open, it is a note on open work, applied before the end.
            CommentApi.Newest comment = newestComments.get(end.workOrder().workOrderSid());
            if (comment != null) {
                updates.add(comment.asStaffComment(ref, end.at()));
            }
            updates.add(new WorkUpdate(ref, end.status().updateId(ref, end.at()), end.status().reportedAs(),
                    end.ownWords(), end.at()));
        }
        return updates;
    }

    /** A work order of ours that was closed or canceled, and when. */
    private record Ended(WorkOrderBase workOrder, CityworksStatus status, Instant at) {

        String ownWords() {
            if (CallData.present(workOrder.resolution())) {
                return workOrder.resolution();
            }
            return status == CityworksStatus.CANCELED && CallData.present(workOrder.cancelReason())
                    ? workOrder.cancelReason() : null;
        }
    }
}
