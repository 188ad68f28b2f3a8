package org.civic311.connectors.cityworks;

import java.util.List;

import org.civic311.connectors.DepartmentConnector;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.tck.DepartmentConnectorContract;
import org.civic311.simulators.cityworks.CityworksSimulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The connector contract for a department that gets service requests: the clerk works in Cityworks. The site is a
 * classic one (before version 23: token in the field or header, Status 2 for a bad token, server in UTC);
 * {@link CityworksUnityContractTest} runs the same contract against the stricter one, and
 * {@link CityworksVersion23ContractTest} and {@link CityworksHttp401ContractTest} against each of its two traits alone.
 */
@SimulatedCityworks
class CityworksConnectorContractTest extends DepartmentConnectorContract {

    @LocalServerPort
    int port;

    @Autowired
    CityworksSimulator simulator;

    private CityworksConnector connector;

    /** Settings that differ from the test city's for this site, e.g. its zone. */
    protected String[] siteSettings() {
        return new String[0];
    }

    @Override
    protected DepartmentConnector connector() {
        if (connector == null) {
            connector = new CityworksConnector(TestSite.properties(port, siteSettings()));
        }
        return connector;
    }

    @Override
    protected DepartmentConnector connectorWithBadCredentials() {
        String[] site = siteSettings();
        String[] settings = java.util.Arrays.copyOf(site, site.length + 2);
        settings[site.length] = "password";
        settings[site.length + 1] = "not-the-password";
        return new CityworksConnector(TestSite.properties(port, settings));
    }

    @Override
    protected int itemsFor(String taskKey) {
        return simulator.requestsWithOtherSystemId(taskKey).size()
                + (int) simulator.workOrders().stream()
                        .filter(workOrder -> taskKey.equals(workOrder.workOrderBase().get("Text1")))
                        .count();
    }

    @Override
    protected String department() {
        return TestSite.STREETS;
    }

    @Override
    protected String workType() {
        return "POTHOLE";
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
