package org.civic311.connectors.cityworks;

import static org.assertj.core.api.Assertions.assertThat;

import org.civic311.connectors.WorkStatus;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The connector contract against a classic Cityworks site (the token read from the field or the header) whose web
 * server answers a bad or expired token, and a refused login, with HTTP 401 rather than Status 2.
 */
@SimulatedCityworks
@TestPropertySource(properties = {
        "civic311.simulators.cityworks.version=15",
        "civic311.simulators.cityworks.unauthorized=http-401"})
class CityworksHttp401ContractTest extends CityworksConnectorContractTest {

    @Test
    void anExpiredTokenAnsweredWithHttp401IsRenewed() {
        simulator.reset();
        CityworksConnector connector = new CityworksConnector(TestSite.properties(port, "token-placement", "field"));

        assertThat(TestSite.closureAcrossTwoTokenExpiries(connector, simulator, "720001").status())
                .isEqualTo(WorkStatus.COMPLETED);
    }
}
