package org.civic311.simulators.cityworks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.civic311.simulators.kit.SimulatorClock;
import org.civic311.simulators.cityworks.CityworksSimulatorProperties.WorkOrderTemplate;

/** The simulated work order table and its state changes. Not thread-safe: callers hold the simulator's lock. */
final class WorkOrders {

    private final Map<String, StoredWorkOrder> byId = new LinkedHashMap<>();
    private final SimulatorClock clock;
    private final WebhookNotifier webhooks;
    // The id (a string) and the sid (a number) come from different sequences, so a client that
    // mixes them up finds nothing instead of the wrong work order. Both survive clear().
    private long lastWorkOrderSid = 50_000;
    private long lastWorkOrderNumber = 23_000;
    private int created;

    WorkOrders(SimulatorClock clock, WebhookNotifier webhooks) {
        this.clock = clock;
        this.webhooks = webhooks;
    }

    StoredWorkOrder create(WorkOrderTemplate template, String entityType, Instant initiateDate, String initiatedBy) {
        StoredWorkOrder workOrder = new StoredWorkOrder(++lastWorkOrderSid, String.valueOf(++lastWorkOrderNumber),
                template, entityType, initiateDate, initiatedBy);
        byId.put(workOrder.workOrderId, workOrder);
        created++;
        return workOrder;
    }

    /** Links the work order and the requests both ways: RequestBase.WorkOrderId names the latest one. */
    void link(StoredWorkOrder workOrder, StoredRequest request) {
        workOrder.requestIds.add(request.requestId);
        request.workOrderId = workOrder.workOrderId;
    }

    Optional<StoredWorkOrder> find(String workOrderId) {
        return Optional.ofNullable(workOrderId == null ? null : byId.get(workOrderId.trim()));
    }

    Optional<StoredWorkOrder> findBySid(long workOrderSid) {
        return all().filter(workOrder -> workOrder.workOrderSid == workOrderSid).findFirst();
    }

    Stream<StoredWorkOrder> all() {
        return byId.values().stream();
    }

    Stream<StoredWorkOrder> newestFirst() {
        List<StoredWorkOrder> newestFirst = new ArrayList<>(byId.values());
        Collections.reverse(newestFirst);
        return newestFirst.stream();
    }

    /** Closes the open ones and leaves the others as they are, like request Close. */
    void close(List<StoredWorkOrder> workOrders, String by, String resolution) {
        Instant now = clock.now();
        for (StoredWorkOrder workOrder : workOrders.stream().filter(StoredWorkOrder::isOpen).toList()) {
            if (resolution != null) {
                workOrder.resolution = resolution;
            }
            workOrder.close(by, now);
            webhooks.workOrderClosed(workOrder);
        }
    }

    void cancel(List<StoredWorkOrder> workOrders, String by, Instant at, String reason) {
        Instant when = at == null ? clock.now() : at;
        for (StoredWorkOrder workOrder : workOrders.stream().filter(StoredWorkOrder::isOpen).toList()) {
            workOrder.cancel(by, when, reason);
            webhooks.workOrderCanceled(workOrder);
        }
    }

    int created() {
        return created;
    }

    void clear() {
        byId.clear();
        created = 0;
    }
}
