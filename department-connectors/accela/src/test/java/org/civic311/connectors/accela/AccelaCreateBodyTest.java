package org.civic311.connectors.accela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;

import org.civic311.connectors.ConnectorRefusal;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkOrder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Create bodies an agency accepts: the simulated agency requires of Junk and Debris records a structured address, a
 * priority code and a seven-part department key, as agencies commonly do.
 */
@AccelaSimulatorTest
class AccelaCreateBodyTest {

    static final String STRUCTURED = "departments." + AccelaSettings.DEPARTMENT + ".create-bodies.[junk_debris].";

    @LocalServerPort
    int port;

    @Test
    void aRecordTypeConfiguredForTheAgencysRequirementsIsCreatedWithThem() {
        AccelaConnector connector = new AccelaConnector(AccelaSettings.forSimulator(port,
                STRUCTURED + "address", "STRUCTURED",
                STRUCTURED + "city", "Chicago",
                STRUCTURED + "state", "IL",
                STRUCTURED + "priorities.P3", "2",
                STRUCTURED + "assigned-to-department", "CIVIC311/CODE/ENFORCE/NA/NA/NA/NA"));

        ExternalRef ref = connector.push(junk());

        JsonNode record = new AccelaClerk(port).record(ref.id());
        assertThat(record.at("/type/value").asText()).as("the record type the routing rules gave")
                .isEqualTo(AccelaSettings.JUNK_AND_DEBRIS);
        JsonNode address = record.at("/addresses/0");
        assertThat(address.path("streetStart").asLong()).isEqualTo(121);
        assertThat(address.at("/direction/value").asText()).isEqualTo("N");
        assertThat(address.path("streetName").asText()).isEqualTo("LaSalle");
        assertThat(address.at("/streetSuffix/value").asText()).isEqualTo("ST");
        assertThat(address.path("city").asText()).isEqualTo("Chicago");
        assertThat(address.at("/state/value").asText()).isEqualTo("IL");
        assertThat(address.path("addressLine1").asText()).isEqualTo("121 N LaSalle St");
        assertThat(record.at("/priority/value").asText()).isEqualTo("2");
        assertThat(record.path("assignedToDepartment").asText()).isEqualTo("CIVIC311/CODE/ENFORCE/NA/NA/NA/NA");
    }

    @Test
    void withoutThemTheAgencyRefusesTheRecordNamingWhatIsMissing() {
        AccelaConnector connector = new AccelaConnector(AccelaSettings.forSimulator(port));

        assertThatThrownBy(() -> connector.push(junk()))
                .isInstanceOf(ConnectorRefusal.class)
                .hasMessageContaining("data_validation_error")
                .hasMessageContaining("addresses.streetStart");
    }

    @Test
    void otherRecordTypesOfTheDepartmentKeepTheOneLineAddress() {
        AccelaConnector connector = new AccelaConnector(AccelaSettings.forSimulator(port,
                STRUCTURED + "address", "STRUCTURED", STRUCTURED + "city", "Chicago", STRUCTURED + "state", "IL"));

        ExternalRef ref = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));

        JsonNode address = new AccelaClerk(port).record(ref.id()).at("/addresses/0");
        assertThat(address.path("addressLine1").asText()).isEqualTo("121 N LaSalle St");
        assertThat(address.has("streetName")).isFalse();
    }

    private static WorkOrder junk() {
        return WorkOrders.highWeeds(WorkOrders.newTaskId(), "junk_debris", WorkOrder.Caller.ANONYMOUS);
    }
}
