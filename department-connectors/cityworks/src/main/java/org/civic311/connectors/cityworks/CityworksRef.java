package org.civic311.connectors.cityworks;

import org.civic311.connectors.ExternalRef;

/**
 * The ids this connector gives Civic311: {@code SR:<RequestId>} for a service request and
 * {@code WO:<WorkOrderId>} for a work order. The prefix keeps them apart, as a site numbers the two
 * separately and a RequestId can look like a WorkOrderId.
 */
final class CityworksRef {

    static final String SYSTEM = "cityworks";

    private CityworksRef() {
    }

    static ExternalRef serviceRequest(long requestId) {
        return new ExternalRef(SYSTEM, "SR:" + requestId);
    }

    static ExternalRef workOrder(String workOrderId) {
        return new ExternalRef(SYSTEM, "WO:" + workOrderId);
    }
}
