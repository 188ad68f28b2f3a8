package org.civic311.connectors.accela;

import java.util.List;

import org.civic311.connectors.DepartmentConnector;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.tck.DepartmentConnectorContract;
import org.civic311.simulators.accela.AccelaSimulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The connector contract, against the Accela simulator over real HTTP: the department is a code-enforcement
 * officer working the Investigation task of each record, and a clerk who can void a record.
 */
@AccelaSimulatorTest
class AccelaConnectorContractTest extends DepartmentConnectorContract {

    @LocalServerPort
    int port;

    @Autowired
    AccelaSimulator accela;

    private AccelaConnector connector;

    @Override
    protected DepartmentConnector connector() {
        // One connector per test, as the orchestrator holds one: it logs in once and keeps its tokens.
        if (connector == null) {
            connector = new AccelaConnector(AccelaSettings.forSimulator(port));
        }
        return connector;
    }

    @Override
    protected DepartmentConnector connectorWithBadCredentials() {
        return new AccelaConnector(AccelaSettings.forSimulator(port, "app-secret", "not-the-secret"));
    }

    @Override
    protected String department() {
        return AccelaSettings.DEPARTMENT;
    }

    @Override
    protected String serviceCode() {
        return AccelaSettings.HIGH_WEEDS;
    }

    @Override
    protected String workType() {
        return AccelaSettings.TALL_GRASS;
    }

    /** Of the right form, but the agency has no such record type. */
    @Override
    protected String unknownWorkType() {
        return "ServiceRequest/Trees and Weeds/Poison Ivy/NA";
    }

    @Override
    protected void departmentCompletes(ExternalRef item, String note) {
        accela.completeWorkflowTask(item.id(), "Violation Corrected", note);
    }

    /** Records in the agency carrying the task's tag: what a repeated push must not add to. */
    @Override
    protected int itemsFor(String taskKey) {
        String tag = RecordTag.of(taskKey);
        return (int) accela.records().stream().filter(record -> tag.equals(record.shortNotes())).count();
    }

    @Override
    protected List<StatusCase> statusCases() {
        return List.of(
                new StatusCase("the officer finds the violation corrected (record Complete)",
                        item -> accela.completeWorkflowTask(item.id(), "Violation Corrected", "Owner mowed the lot"),
                        WorkStatus.COMPLETED),
                new StatusCase("the officer finds no violation (record Closed)",
                        item -> accela.completeWorkflowTask(item.id(), "No Violation Found", "Grass under 8 inches"),
                        WorkStatus.COMPLETED),
                new StatusCase("the officer starts the investigation (record In Progress)",
                        item -> accela.completeWorkflowTask(item.id(), "In Progress", "Inspection Tuesday"),
                        WorkStatus.IN_PROGRESS),
                new StatusCase("a clerk voids the record",
                        item -> new AccelaClerk(port).setStatus(item.id(), "Void"),
                        WorkStatus.CANCELLED));
    }
}
