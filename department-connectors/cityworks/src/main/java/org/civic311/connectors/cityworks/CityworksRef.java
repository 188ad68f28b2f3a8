package org.civic311.connectors.cityworks;

import org.civic311.connectors.ConnectorRefusal;
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

    /** Which kind of item a reference of ours names, and its id there. */
    record Item(CityworksConnectorProperties.Kind kind, String id) {
    }

    /** @throws ConnectorRefusal for a reference this connector did not give */
    static Item item(ExternalRef ref) {
        String id = ref.id();
        if (SYSTEM.equals(ref.system()) && id.startsWith("SR:") && id.length() > 3) {
            return new Item(CityworksConnectorProperties.Kind.SERVICE_REQUEST, id.substring(3));
        }
        if (SYSTEM.equals(ref.system()) && id.startsWith("WO:") && id.length() > 3) {
            return new Item(CityworksConnectorProperties.Kind.WORK_ORDER, id.substring(3));
        }
        throw new ConnectorRefusal("'" + ref.system() + ":" + id + "' is no Cityworks item of Civic311's");
    }

    /** A RequestId from the id part of a reference. */
    static long number(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ConnectorRefusal("'" + id + "' is no Cityworks RequestId", e);
        }
    }
}
