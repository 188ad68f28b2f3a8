package org.civic311.connectors.cityworks;

import static org.assertj.core.api.Assertions.assertThat;

import org.civic311.connectors.WorkStatus;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The connector contract against a Cityworks 23 site that reads the token from the Authorization header only but
 * still answers a bad or expired token with Status 2 in an HTTP 200, as the classic versions do.
 */
@SimulatedCityworks
@TestPropertySource(properties = {
        "civic311.simulators.cityworks.version=23",
        "civic311.simulators.cityworks.unauthorized=status-2"})
class CityworksVersion23ContractTest extends CityworksConnectorContractTest {

    @Test
    void anExpiredTokenAnsweredWithStatus2IsRenewedThroughTheHeader() {
        simulator.reset();
        CityworksConnector connector = new CityworksConnector(TestSite.properties(port));

        assertThat(TestSite.closureAcrossTwoTokenExpiries(connector, simulator, "710001").status())
                .isEqualTo(WorkStatus.COMPLETED);
    }
}
