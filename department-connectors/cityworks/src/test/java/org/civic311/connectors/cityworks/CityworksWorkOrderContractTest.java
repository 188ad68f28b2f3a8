package org.civic311.connectors.cityworks;

import java.util.List;

import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkStatus;

/** The connector contract for a department whose work goes straight into Cityworks work orders. */
@SimulatedCityworks
class CityworksWorkOrderContractTest extends CityworksConnectorContractTest {

    @Override
    protected String department() {
        return TestSite.STREET_CREWS;
    }

    @Override
    protected String workType() {
        return "2001";
    }

    /** The site refuses a template it does not have in its own words, which name it. */
    @Override
    protected String unknownWorkType() {
        return "9999";
    }

    @Override
    protected void departmentCompletes(ExternalRef item, String note) {
        simulator.closeWorkOrder(TestSite.workOrderId(item), note);
    }

    @Override
    protected List<StatusCase> statusCases() {
        return List.of(
                new StatusCase("the crew closes the work order",
                        item -> simulator.closeWorkOrder(TestSite.workOrderId(item), "Patched"), WorkStatus.COMPLETED),
                new StatusCase("the supervisor cancels the work order",
                        item -> new CityworksStaff(port).cancelWorkOrder(TestSite.workOrderId(item), "Duplicate"),
                        WorkStatus.CANCELLED));
    }
}
