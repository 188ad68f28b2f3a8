package org.civic311.connectors.accela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.ConnectorRefusal;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkOrder;
import org.civic311.simulators.accela.AccelaSimulator;
import org.civic311.simulators.accela.SimulatedRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a code-enforcement officer finds in Accela for a task Civic311 pushed. */
@AccelaSimulatorTest
class AccelaConnectorPushTest {

    @LocalServerPort
    int port;

    @Autowired
    AccelaSimulator accela;

    AccelaConnector connector;
    AccelaClerk clerk;

    @BeforeEach
    void connect() {
        connector = new AccelaConnector(AccelaSettings.forSimulator(port));
        clerk = new AccelaClerk(port);
    }

    @Test
    void theRecordHasTheMappedTypeOurTagTheAddressAndTheResidentAsComplainant() {
        String taskId = WorkOrders.newTaskId();

        ExternalRef ref = connector.push(WorkOrders.highWeeds(taskId));

        assertThat(ref.system()).isEqualTo("accela");
        JsonNode record = clerk.record(ref.id());
        assertThat(record.at("/type/value").asText()).isEqualTo(AccelaSettings.TALL_GRASS);
        assertThat(record.at("/shortNotes").asText()).isEqualTo("civic311-task-" + taskId);
        assertThat(record.at("/name").asText()).isEqualTo("SR-2026-" + taskId + " High weeds or overgrown lot");
        assertThat(record.at("/priority/value").asText()).as("P3 is the agency's Medium").isEqualTo("Medium");
        assertThat(record.at("/reportedChannel/value").asText()).isEqualTo("Internet");
        assertThat(record.at("/description").asText())
                .startsWith("SR-2026-" + taskId + ": Grass knee-high on the vacant lot next door")
                .contains("vacant_lot: yes")
                .contains("Photo: https://photos.example.org/weeds.jpg")
                .contains("Due by 2026-07-14 22:30 (America/Chicago)");

        JsonNode address = record.at("/addresses/0");
        assertThat(address.path("addressLine1").asText()).isEqualTo("121 N LaSalle St");
        assertThat(address.path("postalCode").asText()).isEqualTo("60602");
        assertThat(address.path("xCoordinate").asDouble()).as("longitude").isEqualTo(-87.6324);
        assertThat(address.path("yCoordinate").asDouble()).as("latitude").isEqualTo(41.8837);
        assertThat(address.path("isPrimary").asText()).isEqualTo("Y");

        JsonNode contact = record.at("/contacts/0");
        assertThat(contact.path("firstName").asText()).isEqualTo("Jane");
        assertThat(contact.path("lastName").asText()).isEqualTo("Resident");
        assertThat(contact.path("email").asText()).isEqualTo("jane@example.org");
        assertThat(contact.path("phone1").asText()).isEqualTo("312-555-0100");
        assertThat(contact.at("/type/value").asText()).isEqualTo("Complainant");
    }

    @Test
    void theCustomFormCarriesOurTaskIdTrackingNumberServiceCodeTheAgencysDueDateAndAnswersInAccelasFormats() {
        String taskId = WorkOrders.newTaskId();

        ExternalRef ref = connector.push(WorkOrders.highWeeds(taskId));

        SimulatedRecord record = accela.findRecord(ref.id()).orElseThrow();
        assertThat(record.customForms()).containsOnlyKeys("CIVIC311-INTAKE");
        assertThat(record.customForms().get("CIVIC311-INTAKE")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Civic311 Task ID", taskId,
                "Tracking Number", "SR-2026-" + taskId,
                "Service Code", "high_weeds",
                // A Date field takes MM/dd/yyyy, a CheckBox CHECKED or UNCHECKED: the simulator refuses anything else.
                "Due Date", "07/14/2026",
                "Vacant Lot", "CHECKED"));
    }

    @Test
    void anAnonymousReportAddsNoContact() {
        ExternalRef ref = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId(), AccelaSettings.HIGH_WEEDS,
                WorkOrder.Caller.ANONYMOUS));

        assertThat(clerk.record(ref.id()).has("contacts")).isFalse();
    }

    @Test
    void aResidentWhoGaveOnlyAnEmailIsAContactWithOnlyThatEmail() {
        ExternalRef ref = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId(), AccelaSettings.HIGH_WEEDS,
                new WorkOrder.Caller(null, null, "anon@example.org", null)));

        JsonNode contact = clerk.record(ref.id()).at("/contacts/0");
        assertThat(contact.path("email").asText()).isEqualTo("anon@example.org");
        assertThat(contact.has("firstName")).isFalse();
        assertThat(contact.has("lastName")).isFalse();
        assertThat(contact.has("phone1")).isFalse();
    }

    @Test
    void workRoutedWithoutARecordTypeIsRefusedPointingAtTheRoutingRulesAndCreatesNothing() {
        int before = accela.recordsCreated();

        assertThatThrownBy(() -> connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId(), "graffiti",
                WorkOrder.Caller.ANONYMOUS, null)))
                .isInstanceOf(ConnectorRefusal.class)
                .hasMessageContaining("no Accela record type for graffiti to department 'code-enforcement'")
                .hasMessageContaining("routing rules");
        assertThat(accela.recordsCreated()).isEqualTo(before);
    }

    @Test
    void aWorkTypeThatIsNoRecordTypeIsRefusedAndCreatesNothing() {
        int before = accela.recordsCreated();

        assertThatThrownBy(() -> connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId(), "high_weeds",
                WorkOrder.Caller.ANONYMOUS, "TALL GRASS")))
                .isInstanceOf(ConnectorRefusal.class)
                .hasMessageContaining("'TALL GRASS'").hasMessageContaining("Group/Type/SubType/Category");
        assertThat(accela.recordsCreated()).isEqualTo(before);
    }

    @Test
    void aDepartmentNotSetUpForAccelaNamesThePropertyToSet() {
        WorkOrder order = WorkOrders.highWeeds(WorkOrders.newTaskId());
        WorkOrder forParks = new WorkOrder(order.taskKey(), order.trackingNumber(), order.serviceCode(),
                order.serviceName(), "parks", order.priority(), order.workType(), order.dueAt(), order.description(),
                order.location(), order.attributes(), order.caller(), order.mediaUrl());

        assertThatThrownBy(() -> connector.push(forParks))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("civic311.connectors.accela.departments.parks");
    }

    @Test
    void aCustomFormRefusedAfterTheRecordWasCreatedIsWrittenByTheRetryOnTheSameRecord() {
        String taskId = WorkOrders.newTaskId();
        WorkOrder order = WorkOrders.highWeeds(taskId);
        AccelaConnectorProperties misnamed = AccelaSettings.forSimulator(port,
                "departments." + AccelaSettings.DEPARTMENT + ".custom-form.task-id-field", "Civic311 Task No");

        assertThatThrownBy(() -> new AccelaConnector(misnamed).push(order))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("custom form is not written")
                .hasMessageContaining("data_validation_error")
                .hasMessageContaining("Civic311 Task No");
        SimulatedRecord half = onlyRecordTagged(taskId);
        assertThat(half.customForms()).isEmpty();

        // The administrator fixes the field name; the engine retries the job.
        ExternalRef ref = connector.push(order);

        assertThat(ref.id()).isEqualTo(half.id());
        assertThat(onlyRecordTagged(taskId).customForms().get("CIVIC311-INTAKE"))
                .containsEntry("Civic311 Task ID", taskId);
    }

    @Test
    void aRetryOfAFinishedPushCreatesNothingAgain() {
        WorkOrder order = WorkOrders.highWeeds(WorkOrders.newTaskId());
        ExternalRef first = connector.push(order);
        int created = accela.recordsCreated();

        ExternalRef again = connector.push(order);

        assertThat(again).isEqualTo(first);
        assertThat(accela.recordsCreated()).isEqualTo(created);
    }

    private SimulatedRecord onlyRecordTagged(String taskId) {
        return accela.records().stream()
                .filter(record -> ("civic311-task-" + taskId).equals(record.shortNotes()))
                .reduce((one, two) -> {
                    throw new AssertionError("Two records tagged for task " + taskId + ": " + one.id() + ", " + two.id());
                })
                .orElseThrow(() -> new AssertionError("No record tagged for task " + taskId));
    }
}
