package org.civic311.connectors.cityworks;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.ConnectorRefusal;
import org.junit.jupiter.api.Test;

/**
 * A right the integration's login lacks is refused on every try until an administrator grants it: an incident at
 * once, naming the right. A login the site refuses is retried.
 */
class CityworksRightsTest {

    @Test
    void aLoginNotAllowedToCreateRequestsIsARefusalNamingTheRight() throws IOException {
        try (FixedAnswerSite site = new FixedAnswerSite((service, token) -> switch (service) {
            case "General/Authentication/Authenticate" -> FixedAnswerSite.ok("{\"Token\":\"t-1\"}");
            case "Ams/ServiceRequest/ByOtherSystemId" -> FixedAnswerSite.ok("null");
            case "Ams/ServiceRequest/Problems" -> FixedAnswerSite.TREE_PROBLEMS;
            case "Ams/ServiceRequest/Create" -> FixedAnswerSite.failure(1, 5, "NotAuthorizedToCreateServiceRequest");
            default -> FixedAnswerSite.UNKNOWN_ERROR;
        })) {
            CityworksConnector connector = new CityworksConnector(site.properties());

            assertThatThrownBy(() -> connector.push(TestSite.damagedTree("600003", TestSite.URBAN_FORESTRY)))
                    .isInstanceOf(ConnectorRefusal.class)
                    .hasMessageContaining("NotAuthorizedToCreateServiceRequest");
        }
    }

    @Test
    void aRefusedLoginIsRetriedNotARefusal() throws IOException {
        try (FixedAnswerSite site = new FixedAnswerSite((service, token) ->
                FixedAnswerSite.failure(3, 3, "InvalidCredentials"))) {
            CityworksConnector connector = new CityworksConnector(site.properties());

            assertThatThrownBy(() -> connector.push(TestSite.damagedTree("600004", TestSite.URBAN_FORESTRY)))
                    .isInstanceOf(ConnectorException.class)
                    .isNotInstanceOf(ConnectorRefusal.class);
        }
    }
}
