package org.civic311.connectors.cityworks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.civic311.connectors.ConnectorException;

/**
 * {@code Ams/WorkOrder}, raw. Work orders have no OtherSystemId: a caller keeps its own reference in one of the
 * Text1..Text20 fields, which Create stores and Search filters on.
 */
final class WorkOrderApi {

    private final CityworksClient client;
    private final CityworksDates dates;
    private final String referenceField;

    /** @param referenceField the Text field that holds the caller's reference, e.g. {@code Text1} */
    private final int searchCap;

    WorkOrderApi(CityworksClient client, CityworksDates dates, String referenceField, int searchCap) {
        this.client = client;
        this.dates = dates;
        this.referenceField = referenceField;
        this.searchCap = searchCap;
    }

    String referenceField() {
        return referenceField;
    }

    /**
     * Ids of the work orders whose reference field holds exactly that text, oldest (lowest WorkOrderSid) first:
     * Search answers in no documented order.
     */
    List<String> withReference(String reference) {
        List<String> ids = search(Map.of(referenceField, List.of(reference), "MaxResults", WindowedSearch.MAX_RESULTS));
        if (ids.size() < 2) {
            return ids;
        }
        return byIds(ids).stream()
                .sorted(Comparator.comparingLong(WorkOrderBase::workOrderSid))
                .map(WorkOrderBase::workOrderId)
                .toList();
    }

    /** {@code Create}: the first work order made (Cityworks answers an array: one call may make several). */
    WorkOrderBase create(Map<String, Object> data) {
        JsonNode value = client.call("Ams/WorkOrder/Create", data).valueOrThrow();
        JsonNode first = value.isArray() ? value.path(0) : value;
        String workOrderId = RequestBase.text(first, "WorkOrderId");
        if (workOrderId == null || workOrderId.isBlank()) {
            throw new ConnectorException("Cityworks answered Ams/WorkOrder/Create without a WorkOrderId");
        }
        return WorkOrderBase.of(first, dates, referenceField);
    }

    /**
     * {@code Cancel}: the work order as Cityworks answers it after the call; empty when it is not found, as
     * ServiceRequestApi's.
     */
    Optional<WorkOrderBase> cancel(String workOrderId, String reason) {
        Envelope answer = client.call("Ams/WorkOrder/Cancel",
                new CallData().put("WorkOrderIds", List.of(workOrderId)).putPresent("CancelReason", reason).fields());
        if (answer.failedWith(ServiceRequestApi.ITEM_NOT_FOUND)) {
            return Optional.empty();
        }
        JsonNode value = answer.valueOrThrow();
        for (JsonNode workOrder : value) {
            if (workOrderId.equals(RequestBase.text(workOrder, "WorkOrderId"))) {
                return Optional.of(WorkOrderBase.of(workOrder, dates, referenceField));
            }
        }
        return Optional.empty();
    }

    /** Ids of work orders closed at or after {@code since}. */
    List<String> closedSince(Instant since) {
        return WindowedSearch.since(since, searchCap, (begin, end) ->
                search(WindowedSearch.window(Map.of("Closed", true), "DateWOClosed", begin, end, dates)));
    }

    /**
     * Ids of work orders canceled at or after {@code since}. A site that ignores the date filter (the project's
     * simulator does) answers every canceled work order; callers check DateCancelled themselves.
     */
    List<String> canceledSince(Instant since) {
        return WindowedSearch.since(since, searchCap, (begin, end) ->
                search(WindowedSearch.window(Map.of("Canceled", true), "DateCancelled", begin, end, dates)));
    }

    /** {@code ByIds}, in batches; ids no longer found are left out. */
    List<WorkOrderBase> byIds(List<String> workOrderIds) {
        List<WorkOrderBase> found = new ArrayList<>();
        for (int from = 0; from < workOrderIds.size(); from += ServiceRequestApi.BATCH) {
            List<String> batch = workOrderIds.subList(from, Math.min(workOrderIds.size(), from + ServiceRequestApi.BATCH));
            JsonNode value = client.call("Ams/WorkOrder/ByIds", Map.of("WorkOrderIds", batch)).valueOrThrow();
            value.forEach(workOrder -> found.add(WorkOrderBase.of(workOrder, dates, referenceField)));
        }
        return found;
    }

    private List<String> search(Map<String, Object> data) {
        JsonNode value = client.call("Ams/WorkOrder/Search", data).valueOrThrow();
        List<String> ids = new ArrayList<>();
        value.forEach(id -> ids.add(id.asText()));
        return ids;
    }
}
