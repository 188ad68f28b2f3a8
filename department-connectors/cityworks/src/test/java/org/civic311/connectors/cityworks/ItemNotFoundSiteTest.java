package org.civic311.connectors.cityworks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.civic311.connectors.ExternalRef;
import org.junit.jupiter.api.Test;

/**
 * cw-sdk documents a ByOtherSystemId miss as a success with no value (the simulator answers so); a site may
 * instead fail it with 35 ErrorItemNotFound, as ById does. Either way the push creates the request; and a Cancel
 * of an item such a site no longer has is "not canceled", not an incident. This site answers with fixed envelopes.
 */
class ItemNotFoundSiteTest {

    private static final String MISS = FixedAnswerSite.failure(1, ServiceRequestApi.ITEM_NOT_FOUND, "ErrorItemNotFound");

    @Test
    void aMissAnsweredWithItemNotFoundStillLeadsToTheCreate() throws IOException {
        try (FixedAnswerSite site = new FixedAnswerSite((service, token) -> switch (service) {
            case "General/Authentication/Authenticate" -> FixedAnswerSite.ok("{\"Token\":\"t-1\"}");
            case "Ams/ServiceRequest/ByOtherSystemId" -> MISS;
            case "Ams/ServiceRequest/Problems" -> FixedAnswerSite.TREE_PROBLEMS;
            case "Ams/ServiceRequest/Create" -> FixedAnswerSite.ok("{\"RequestId\":4711,\"OtherSystemId\":\"600001\"}");
            default -> FixedAnswerSite.UNKNOWN_ERROR;
        })) {
            CityworksConnector connector = new CityworksConnector(site.properties());

            ExternalRef ref = connector.push(TestSite.damagedTree("600001", TestSite.URBAN_FORESTRY));

            assertThat(ref.id()).isEqualTo("SR:4711");
            assertThat(site.calls()).containsExactly("General/Authentication/Authenticate",
                    "Ams/ServiceRequest/ByOtherSystemId", "Ams/ServiceRequest/Problems", "Ams/ServiceRequest/Create");
        }
    }

    @Test
    void cancellingARequestOrWorkOrderTheSiteAnswersItemNotFoundForIsNotCanceledRatherThanAnIncident()
            throws IOException {
        try (FixedAnswerSite site = new FixedAnswerSite((service, token) -> switch (service) {
            case "General/Authentication/Authenticate" -> FixedAnswerSite.ok("{\"Token\":\"t-1\"}");
            case "Ams/ServiceRequest/Cancel", "Ams/WorkOrder/Cancel" -> MISS;
            default -> FixedAnswerSite.UNKNOWN_ERROR;
        })) {
            CityworksConnector connector = new CityworksConnector(site.properties());

            assertThat(connector.cancel(CityworksRef.serviceRequest(4711), "Duplicate report")).isFalse();
            assertThat(connector.cancel(CityworksRef.workOrder("WO-815"), "Duplicate report")).isFalse();
            assertThat(site.calls()).containsExactly("General/Authentication/Authenticate",
                    "Ams/ServiceRequest/Cancel", "Ams/WorkOrder/Cancel");
        }
    }
}
