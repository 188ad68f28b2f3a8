package org.civic311.connectors.cityworks;

import java.util.List;

import org.civic311.connectors.DepartmentConnector;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.tck.DepartmentConnectorContract;
import org.civic311.simulators.cityworks.CityworksSimulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The connector contract for a department that gets service requests: the clerk works in Cityworks. */
@SimulatedCityworks
class CityworksConnectorContractTest extends DepartmentConnectorContract {

    @LocalServerPort
    int port;

    @Autowired
    CityworksSimulator simulator;

    private CityworksConnector connector;

    @Override
    protected DepartmentConnector connector() {
        if (connector == null) {
            connector = new CityworksConnector(TestSite.properties(port));
        }
        return connector;
    }

    @Override
    protected DepartmentConnector connectorWithBadCredentials() {
        return new CityworksConnector(TestSite.properties(port, "password", "not-the-password"));
    }

    @Override
    protected String department() {
        return TestSite.STREETS;
    }

    @Override
    protected void departmentCompletes(ExternalRef item, String note) {
        simulator.closeRequest(TestSite.requestId(item), note);
    }

    @Override
    protected List<StatusCase> statusCases() {
        return List.of(
                new StatusCase("staff close the request", item -> simulator.closeRequest(TestSite.requestId(item), "Filled"),
                        WorkStatus.COMPLETED),
                new StatusCase("staff cancel the request", item -> simulator.cancelRequest(TestSite.requestId(item),
                        "Private property"), WorkStatus.CANCELLED));
    }
}
