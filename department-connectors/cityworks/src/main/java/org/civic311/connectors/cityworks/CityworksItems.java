package org.civic311.connectors.cityworks;

import java.time.Instant;
import java.util.List;

import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkOrder;
import org.civic311.connectors.WorkUpdate;

/** One kind of Cityworks item a department's work becomes: service requests or work orders. */
interface CityworksItems {

    /** Creates the item for the task, or finds the one an earlier attempt created. */
    ExternalRef push(WorkOrder order, String departmentCode, CityworksConnectorProperties.Department department);

    /**
     * Cancels the item with that id (a RequestId or WorkOrderId). True when it is canceled, now or before; false
     * when it was closed first or is no longer found.
     */
    boolean cancel(String id, String reason);

    /** Closures and cancellations of our items recorded at or after {@code since}. */
    List<WorkUpdate> updatesSince(Instant since);
}
