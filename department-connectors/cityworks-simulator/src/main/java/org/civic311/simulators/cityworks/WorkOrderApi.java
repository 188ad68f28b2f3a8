package org.civic311.simulators.cityworks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.civic311.simulators.kit.SimulatorClock;
import org.civic311.simulators.cityworks.CityworksSimulatorProperties.WorkOrderTemplate;

/**
 * {@code Ams/WorkOrder}: the work order lifecycle. A 311 integration finds its own work orders again by a
 * Text field (Text1..Text20): Create stores them and Search filters on them. WebServiceRequestId would
 * not do: it is only echoed in Create's envelope, never stored on WorkOrderBase nor searchable.
 */
final class WorkOrderApi {

    private static final int TEXT_FIELDS = 20;

    private final WorkOrders workOrders;
    private final ServiceRequests requests;
    private final Comments comments;
    private final SimulatorClock clock;
    private final CityworksSimulatorProperties properties;
    private final CityworksDateFormat dates;

    WorkOrderApi(WorkOrders workOrders, ServiceRequests requests, Comments comments, SimulatorClock clock,
                 CityworksSimulatorProperties properties, CityworksDateFormat dates) {
        this.dates = dates;
        this.workOrders = workOrders;
        this.requests = requests;
        this.comments = comments;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * {@code Create {WOTemplateId, EntityType, ...}} → WorkOrderBase[] (an array, as Cityworks may split
     * one call into several work orders). RequestIds that do not exist are not linked and come back as
     * warnings (60).
     */
    Object create(Call call) {
        DataParameter data = call.data;
        String templateId = data.requiredText("WOTemplateId");
        String entityType = data.requiredText("EntityType");
        WorkOrderTemplate template = template(templateId).orElseThrow(
                () -> CityworksFault.invalidField("WOTemplateId", templateId + " is not a work order template."));
        FieldLengths.checkUserTexts(data);
        Instant initiateDate = data.date("InitiateDate").orElseGet(clock::now);
        Map<String, Object> echoed = new HashMap<>();
        EchoedFields.copy(EchoedFields.WORK_ORDER_CREATE, data, echoed);
        List<Long> requestIds = data.numbers("RequestIds");
        Optional<String> status = data.text("Status").filter(text -> !text.isBlank());
        Optional<String> priority = data.text("Priority");
        Optional<String> instructions = data.text("Instructions");
        Optional<String> initiatedByApp = data.text("InitiatedByApp");
        Optional<String> comment = data.text("Comments").filter(text -> !text.isBlank());
        String webServiceRequestId = data.text("WebServiceRequestId").orElse(null);

        StoredWorkOrder workOrder = workOrders.create(template, entityType, initiateDate, call.login);
        workOrder.echoed.putAll(echoed);
        status.ifPresent(text -> workOrder.status = text);
        workOrder.priority = priority.orElse(null);
        workOrder.instructions = instructions.orElse(null);
        workOrder.initiatedByApp = initiatedByApp.orElse(null);
        workOrder.coordinatesWkid = SpatialReference.of(data, properties.spatialReference());
        link(call, workOrder, requestIds);
        comment.ifPresent(text -> comments.add(ActivityType.WORK_ORDER, workOrder.workOrderSid, text, call.login));
        call.verified(webServiceRequestId);
        return List.of(workOrder.toWorkOrderBase(dates));
    }

    /** {@code ById {WorkOrderId}} → WorkOrderBase; 12 without an id, 35 for an unknown one. */
    Object byId(Call call) {
        String workOrderId = call.data.text("WorkOrderId").filter(id -> !id.isBlank()).orElseThrow(
                () -> CityworksFault.error(MessageCode.WORK_ORDER_ID_IS_REQUIRED, "WorkOrderId is required."));
        return existing(workOrderId).toWorkOrderBase(dates);
    }

    /** {@code ByIds {WorkOrderIds}} → WorkOrderBase[] of those found; each missing id is a warning (60). */
    Object byIds(Call call) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (String workOrderId : call.data.texts("WorkOrderIds")) {
            workOrders.find(workOrderId).ifPresentOrElse(workOrder -> found.add(workOrder.toWorkOrderBase(dates)),
                    () -> call.warn(MessageCode.WARNING_ITEM_NOT_FOUND, "Work order " + workOrderId + " was not found."));
        }
        return found;
    }

    /**
     * {@code Search {...}} → WorkOrderIds only (string[]), newest first: cw-sdk documents no order, so a client
     * that needs the oldest of several must find it itself.
     */
    Object search(Call call) {
        DataParameter data = call.data;
        Optional<Boolean> closed = data.flag("Closed");
        Optional<Boolean> canceled = data.flag("Canceled");
        Set<String> statuses = upperCase(data.texts("Status"));
        DateRange finished = DateRange.of(data, "ActualFinishDate");
        DateRange initiated = DateRange.of(data, "InitiateDate");
        DateRange closedWhen = DateRange.of(data, "DateWOClosed");
        List<String> templateIds = new ArrayList<>(data.texts("WOTemplateId"));
        templateIds.addAll(data.texts("WOTemplateIds"));
        List<String> workOrderIds = new ArrayList<>(data.texts("WorkOrderIds"));
        workOrderIds.addAll(data.texts("WorkOrderId"));
        Map<String, List<String>> textFilters = textFilters(data);
        long maxResults = Math.min(properties.searchCap(),
                data.number("MaxResults").filter(max -> max > 0).orElse((long) properties.searchMaxResults()));
        return workOrders.newestFirst()
                .filter(w -> closed.map(wanted -> wanted == w.closed).orElse(true))
                .filter(w -> canceled.map(wanted -> wanted == w.canceled).orElse(true))
                .filter(w -> statuses.isEmpty() || statuses.contains(w.status.toUpperCase(Locale.ROOT)))
                .filter(w -> finished.contains(w.actualFinishDate))
                .filter(w -> initiated.contains(w.initiateDate))
                .filter(w -> closedWhen.contains(w.dateWOClosed))
                .filter(w -> templateIds.isEmpty() || templateIds.contains(w.woTemplateId))
                .filter(w -> workOrderIds.isEmpty() || workOrderIds.contains(w.workOrderId))
                .filter(w -> textFilters.entrySet().stream()
                        .allMatch(filter -> filter.getValue().contains(w.echoed.get(filter.getKey()))))
                .limit(maxResults)
                .map(w -> w.workOrderId)
                .toList();
    }

    /** {@code Close {WorkOrderIds}} → WorkOrderBase[] of those found (an unknown id is warning 60); see WorkOrders. */
    Object close(Call call) {
        List<StoredWorkOrder> toClose = found(call, "WorkOrderIds");
        workOrders.close(toClose, call.login, null);
        return toClose.stream().map(workOrder -> workOrder.toWorkOrderBase(dates)).toList();
    }

    /** {@code Cancel {WorkOrderIds, CancelReason?, DateCancelled?}} → WorkOrderBase[] of those found, as Close. */
    Object cancel(Call call) {
        Optional<Instant> dateCancelled = call.data.date("DateCancelled");
        String reason = call.data.text("CancelReason").orElse(null);
        List<StoredWorkOrder> toCancel = found(call, "WorkOrderIds");
        workOrders.cancel(toCancel, call.login, dateCancelled.orElse(null), reason);
        return toCancel.stream().map(workOrder -> workOrder.toWorkOrderBase(dates)).toList();
    }

    /**
     * {@code Update {WorkOrderId | WorkOrderSid, Status?, Resolution?, ActualFinishDate?, ...}} → WorkOrderBase.
     * Only what is sent changes; a Status does not close the work order (that is Close's job).
     */
    Object update(Call call) {
        DataParameter data = call.data;
        StoredWorkOrder workOrder = identified(data);
        data.text("Status").ifPresent(status -> StatusChange.check("Work order " + workOrder.workOrderId,
                workOrder.closed, workOrder.canceled, status));
        Map<String, Object> echoed = new HashMap<>();
        EchoedFields.copy(EchoedFields.WORK_ORDER_UPDATE, data, echoed);
        Optional<String> status = data.text("Status").filter(text -> !text.isBlank());
        Optional<String> resolution = data.text("Resolution");
        Optional<String> priority = data.text("Priority");
        Optional<String> instructions = data.text("Instructions");
        Optional<Instant> actualFinishDate = data.date("ActualFinishDate");
        List<Long> requestIds = data.numbers("RequestIds");

        workOrder.echoed.putAll(echoed);
        status.ifPresent(text -> workOrder.status = text);
        resolution.ifPresent(text -> workOrder.resolution = text);
        priority.ifPresent(text -> workOrder.priority = text);
        instructions.ifPresent(text -> workOrder.instructions = text);
        actualFinishDate.ifPresent(date -> workOrder.actualFinishDate = date);
        link(call, workOrder, requestIds);
        return workOrder.toWorkOrderBase(dates);
    }

    private void link(Call call, StoredWorkOrder workOrder, List<Long> requestIds) {
        for (long requestId : requestIds) {
            requests.find(requestId).ifPresentOrElse(request -> workOrders.link(workOrder, request),
                    () -> call.warn(MessageCode.WARNING_ITEM_NOT_FOUND,
                            "Service request " + requestId + " was not found and was not linked."));
        }
    }

    // The d.ts marks both WorkOrderId and WorkOrderSid required on Update; in practice either names it.
    private StoredWorkOrder identified(DataParameter data) {
        Optional<String> workOrderId = data.text("WorkOrderId").filter(id -> !id.isBlank());
        if (workOrderId.isPresent()) {
            return existing(workOrderId.get());
        }
        long workOrderSid = data.number("WorkOrderSid").orElseThrow(
                () -> CityworksFault.error(MessageCode.WORK_ORDER_ID_IS_REQUIRED, "WorkOrderId is required."));
        return workOrders.findBySid(workOrderSid)
                .orElseThrow(() -> CityworksFault.notFound("Work order with WorkOrderSid " + workOrderSid));
    }

    private StoredWorkOrder existing(String workOrderId) {
        return workOrders.find(workOrderId).orElseThrow(() -> CityworksFault.notFound("Work order " + workOrderId));
    }

    private List<StoredWorkOrder> found(Call call, String field) {
        List<String> ids = call.data.texts(field);
        if (ids.isEmpty()) {
            throw CityworksFault.requiredField(field);
        }
        List<StoredWorkOrder> found = new ArrayList<>();
        for (String workOrderId : ids) {
            workOrders.find(workOrderId).ifPresentOrElse(found::add, () -> call.warn(MessageCode.WARNING_ITEM_NOT_FOUND,
                    "Work order " + workOrderId + " was not found."));
        }
        return found;
    }

    private Optional<WorkOrderTemplate> template(String woTemplateId) {
        return properties.workOrderTemplates().stream()
                .filter(template -> template.woTemplateId().equalsIgnoreCase(woTemplateId.trim()))
                .findFirst();
    }

    /** Text1..Text20 filters the caller sent: field name → accepted values (exact match). */
    private static Map<String, List<String>> textFilters(DataParameter data) {
        Map<String, List<String>> filters = new HashMap<>();
        for (int i = 1; i <= TEXT_FIELDS; i++) {
            List<String> values = data.texts("Text" + i);
            if (!values.isEmpty()) {
                filters.put("Text" + i, values);
            }
        }
        return filters;
    }

    private static Set<String> upperCase(List<String> values) {
        return values.stream().map(value -> value.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
