package org.civic311.simulators.accela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.simulators.accela.ApiAuthenticationTest.assertError;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.civic311.simulators.accela.AccelaHttp.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** Creating, reading and updating records the way a 311 integration does. */
@SimulatorTest
class RecordsApiTest {

    static final String TALL_GRASS = "ServiceRequest/Trees and Weeds/Tall Grass and Weeds/NA";

    @LocalServerPort
    int port;

    @Autowired
    AccelaSimulator simulator;

    AccelaHttp accela;

    @BeforeEach
    void login() {
        simulator.reset();
        accela = new AccelaHttp(port).login();
    }

    static Map<String, Object> serviceRequest() {
        return Map.of(
                "type", Map.of("value", TALL_GRASS),
                "description", "Grass over a foot tall in the front yard",
                "name", "Tall grass at 123 Main St",
                "shortNotes", "civic311:task-1001",
                "priority", Map.of("value", "High"),
                "reportedChannel", Map.of("value", "Mobile App"),
                "reportedDate", "2026-03-02 09:15:00",
                "addresses", List.of(Map.of(
                        "streetStart", 123, "streetName", "Main", "streetSuffix", Map.of("value", "ST"),
                        "city", "Springfield", "state", Map.of("value", "IL"), "postalCode", "62701",
                        "xCoordinate", -89.6501, "yCoordinate", 39.7817, "isPrimary", "Y",
                        "zip", "a misspelt field Accela drops")),
                "contacts", List.of(Map.of(
                        "firstName", "Jane", "lastName", "Resident", "email", "jane@example.org",
                        "phone1", "217-555-0100", "type", Map.of("value", "Complainant"), "isPrimary", "Y")));
    }

    @Test
    void createAnswersTheNewRecordInTheEnvelope() {
        Reply reply = accela.post("/v4/records", serviceRequest());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.at("/status")).isEqualTo("200");
        JsonNode record = reply.json().get("result");
        assertThat(record.get("id").asText()).matches("CIVIC311-\\d\\dCAP-00000-[0-9A-Z]{5}");
        assertThat(record.get("customId").asText()).matches("SR\\d\\d-000001");
        assertThat(record.at("/type/value").asText()).isEqualTo(TALL_GRASS);
        assertThat(record.at("/type/id").asText()).isEqualTo("ServiceRequest-Trees.cand.cWeeds-Tall.cGrass.cand.cWeeds-NA");
        assertThat(record.at("/status/value").asText()).isEqualTo("Received");
        assertThat(record.get("statusType").asText()).isEqualTo("OPEN");
        assertThat(record.get("openedDate").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(record.get("reportedDate").asText()).isEqualTo("2026-03-02 09:15:00");
        assertThat(record.get("createdBy").asText()).isEqualTo("DEMO");
        assertThat(record.has("closedDate")).as("no closedDate while open").isFalse();
        assertThat(simulator.recordsCreated()).isEqualTo(1);
    }

    @Test
    void addressesAndContactsComeBackOnlyWhenExpanded() {
        String id = accela.post("/v4/records", serviceRequest()).at("/result/id");

        Reply plain = accela.get("/v4/records/" + id);
        Reply expanded = accela.get("/v4/records/" + id + "?expand=addresses,contacts");

        assertThat(plain.json().at("/result/0").has("addresses")).isFalse();
        JsonNode record = expanded.json().at("/result/0");
        JsonNode address = record.at("/addresses/0");
        assertThat(address.get("id").isNumber()).isTrue();
        assertThat(address.get("streetStart").asInt()).isEqualTo(123);
        assertThat(address.at("/streetSuffix/value").asText()).isEqualTo("ST");
        assertThat(address.at("/state/value").asText()).isEqualTo("IL");
        assertThat(address.at("/state/text").asText()).isEqualTo("IL");
        assertThat(address.get("postalCode").asText()).isEqualTo("62701");
        assertThat(address.get("xCoordinate").asDouble()).isEqualTo(-89.6501);
        assertThat(address.get("isPrimary").asText()).isEqualTo("Y");
        assertThat(address.has("zip")).as("undocumented fields are dropped").isFalse();
        assertThat(address.at("/recordId/id").asText()).isEqualTo(id);
        JsonNode contact = record.at("/contacts/0");
        assertThat(contact.get("id").isTextual()).isTrue();
        assertThat(contact.get("email").asText()).isEqualTo("jane@example.org");
        assertThat(contact.at("/type/value").asText()).isEqualTo("Complainant");
        assertThat(contact.get("isPrimary").asText()).isEqualTo("Y");
    }

    @Test
    void recordsAreFoundWithOrWithoutTheAgencyPrefixAndSeveralAtOnce() {
        String first = accela.createRecord("civic311:task-1");
        String second = accela.createRecord("civic311:task-2");
        String withoutAgency = second.substring("CIVIC311-".length());

        Reply reply = accela.get("/v4/records/" + first + "," + withoutAgency);

        assertThat(reply.json().get("result")).hasSize(2);
        assertThat(reply.at("/result/1/id")).isEqualTo(second);
        assertThat(reply.at("/result/1/value")).isEqualTo(withoutAgency);
    }

    @Test
    void fieldsKeepsOnlyTheNamedFieldsAndTheId() {
        String id = accela.createRecord("civic311:task-1");

        JsonNode record = accela.get("/v4/records/" + id + "?fields=status,customId").json().at("/result/0");

        assertThat(record.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "status", "customId");
    }

    @Test
    void aMissingTypeIsADataValidationError() {
        Reply reply = accela.post("/v4/records", Map.of("description", "no type"));

        assertError(reply, 400, "data_validation_error");
        assertThat(simulator.recordsCreated()).isZero();
    }

    @Test
    void shortNotesWiderThanTheFieldAreADataValidationErrorAndStoreNothing() {
        Map<String, Object> body = new HashMap<>(serviceRequest());
        body.put("shortNotes", "x".repeat(NewRecord.SHORT_NOTES_LENGTH + 1));

        Reply reply = accela.post("/v4/records", body);

        assertError(reply, 400, "data_validation_error");
        assertThat(reply.at("/more")).contains("At most " + NewRecord.SHORT_NOTES_LENGTH);
        assertThat(simulator.recordsCreated()).isZero();
    }

    @Test
    void anUnconfiguredTypeIsADataValidationError() {
        Reply reply = accela.post("/v4/records", Map.of("type", Map.of("value", "ServiceRequest/Potholes/Pothole/NA")));

        assertError(reply, 400, "data_validation_error");
        assertThat(reply.at("/more")).contains(TALL_GRASS);
    }

    @Test
    void theTypeMayBeNamedByIdOrByItsFourLevels() {
        Reply byId = accela.post("/v4/records", Map.of("type", Map.of("id", "ServiceRequest-Vehicles-Abandoned.cVehicle-NA")));
        Reply byLevels = accela.post("/v4/records", Map.of("type", Map.of(
                "group", "Enforcement", "type", "Housing", "subType", "Property Maintenance", "category", "NA")));

        assertThat(byId.at("/result/type/value")).isEqualTo("ServiceRequest/Vehicles/Abandoned Vehicle/NA");
        assertThat(byLevels.at("/result/type/module")).isEqualTo("Enforcement");
        assertThat(byLevels.at("/result/customId")).startsWith("CE");
    }

    @Test
    void customFormsInTheCreateBodyAreIgnoredAsAccelaIgnoresThem() {
        Map<String, Object> body = new HashMap<>(serviceRequest());
        body.put("customForms", List.of(Map.of("id", "CIVIC311-INTAKE", "Tracking Number", "SR-2026-000123")));

        String id = accela.post("/v4/records", body).at("/result/id");
        Reply forms = accela.get("/v4/records/" + id + "/customForms");

        assertThat(forms.status()).isEqualTo(200);
        assertThat(forms.json().has("result")).as("nothing was written").isFalse();
    }

    @Test
    void aValueFieldSentAsPlainTextIsABadRequest() {
        Reply reply = accela.post("/v4/records", Map.of(
                "type", Map.of("value", TALL_GRASS),
                "addresses", List.of(Map.of("streetName", "Main", "state", "IL"))));

        assertError(reply, 400, "bad_request");
        assertThat(reply.at("/message")).contains("addresses[0].state");
    }

    @Test
    void unconfiguredDropDownValuesAreDataValidationErrors() {
        Reply contactType = accela.post("/v4/records", Map.of("type", Map.of("value", TALL_GRASS),
                "contacts", List.of(Map.of("firstName", "Jane", "type", Map.of("value", "Neighbour")))));
        Reply priority = accela.post("/v4/records", Map.of("type", Map.of("value", TALL_GRASS),
                "priority", Map.of("value", "P1")));

        assertError(contactType, 400, "data_validation_error");
        assertError(priority, 400, "data_validation_error");
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertError(accela.post("/v4/records", "{\"type\": "), 400, "bad_request");
    }

    @Test
    void anUnknownRecordIsResourceNotFound() {
        assertError(accela.get("/v4/records/CIVIC311-26CAP-00000-ZZZZZ"), 404, "resource_not_found");
        assertError(accela.get("/v4/records/CIVIC311-26CAP-00000-ZZZZZ/workflowTasks"), 404, "resource_not_found");
    }

    @Test
    void anUnknownOperationIsApiNotFound() {
        assertError(accela.get("/v4/records/describe/create"), 404, "api_not_found");
        assertError(accela.send(HttpMethod.DELETE, "/v4/records/CIVIC311-26CAP-00000-00001", null, headers -> { }), 404, "api_not_found");
    }

    @Test
    void updatingTheStatusToAClosedOneClosesTheRecord() {
        String id = accela.createRecord("civic311:task-1");

        Reply reply = accela.put("/v4/records/" + id, Map.of(
                "status", Map.of("value", "Closed"), "description", "Owner mowed the lawn"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.at("/result/status/value")).isEqualTo("Closed");
        assertThat(reply.at("/result/statusType")).isEqualTo("CLOSED");
        assertThat(reply.at("/result/closedDate")).isNotBlank();
        assertThat(reply.at("/result/description")).isEqualTo("Owner mowed the lawn");
    }

    @Test
    void aRefusedUpdateChangesNothing() {
        String id = accela.createRecord("civic311:task-1");

        Reply reply = accela.put("/v4/records/" + id, Map.of(
                "description", "changed", "status", Map.of("value", "Bogus")));

        assertError(reply, 400, "data_validation_error");
        JsonNode record = accela.get("/v4/records/" + id).json().at("/result/0");
        assertThat(record.get("description").asText()).isEqualTo("Grass over a foot tall");
        assertThat(record.at("/status/value").asText()).isEqualTo("Received");
    }

    @Test
    void customFormsAreWrittenAfterCreationAndReadBack() {
        String id = accela.createRecord("civic311:task-1");

        Reply put = accela.put("/v4/records/" + id + "/customForms", List.of(Map.of(
                "id", "CIVIC311-INTAKE", "Civic311 Task ID", "task-1", "Tracking Number", "SR-2026-000123")));
        Reply get = accela.get("/v4/records/" + id + "/customForms");
        Reply expanded = accela.get("/v4/records/" + id + "?expand=customForms");

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.at("/result/0/isSuccess")).isEqualTo("true");
        JsonNode form = get.json().at("/result/0");
        assertThat(form.get("id").asText()).isEqualTo("CIVIC311-INTAKE");
        assertThat(form.get("Tracking Number").asText()).isEqualTo("SR-2026-000123");
        assertThat(form.get("Service Code").isNull()).as("a field never written is null").isTrue();
        assertThat(expanded.json().at("/result/0/customForms/0/Civic311 Task ID").asText()).isEqualTo("task-1");
        assertThat(simulator.findRecord(id).orElseThrow().customForms().get("CIVIC311-INTAKE"))
                .containsEntry("Tracking Number", "SR-2026-000123");
    }

    @Test
    void unknownCustomFormsAndFieldsAreDataValidationErrors() {
        String id = accela.createRecord("civic311:task-1");

        Reply unknownForm = accela.put("/v4/records/" + id + "/customForms", List.of(Map.of("id", "NOPE", "A", "b")));
        Reply unknownField = accela.put("/v4/records/" + id + "/customForms",
                List.of(Map.of("id", "CIVIC311-INTAKE", "Tracking Number", "x", "Tracking No", "y")));
        Reply notAnArray = accela.put("/v4/records/" + id + "/customForms", Map.of("id", "CIVIC311-INTAKE"));

        assertError(unknownForm, 400, "data_validation_error");
        assertError(unknownField, 400, "data_validation_error");
        assertError(notAnArray, 400, "bad_request");
        assertThat(simulator.findRecord(id).orElseThrow().customForms()).as("nothing half-written").isEmpty();
    }

    @Test
    void customFormValuesMustBeInTheFormatOfTheFieldsType() {
        String id = accela.createRecord("civic311:task-1");

        Reply isoDate = accela.put("/v4/records/" + id + "/customForms",
                List.of(Map.of("id", "CIVIC311-INTAKE", "Tracking Number", "SR-1", "Due Date", "2026-07-14")));
        Reply longText = accela.put("/v4/records/" + id + "/customForms",
                List.of(Map.of("id", "CIVIC311-INTAKE", "Tracking Number", "x".repeat(257))));
        Reply accelaDate = accela.put("/v4/records/" + id + "/customForms",
                List.of(Map.of("id", "CIVIC311-INTAKE", "Due Date", "07/14/2026")));

        assertError(isoDate, 400, "data_validation_error");
        assertThat(isoDate.json().get("message").asText()).contains("Due Date");
        assertError(longText, 400, "data_validation_error");
        assertThat(accelaDate.status()).isEqualTo(200);
        assertThat(simulator.findRecord(id).orElseThrow().customForms().get("CIVIC311-INTAKE"))
                .as("only the valid write was kept").containsExactly(Map.entry("Due Date", "07/14/2026"));
    }

    @Test
    void concurrentCreationsGetDistinctIds() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 20).parallel().forEach(i -> ids.add(accela.createRecord("civic311:task-" + i)));

        assertThat(ids).hasSize(20);
        assertThat(simulator.recordsCreated()).isEqualTo(20);
        assertThat(simulator.records()).extracting(SimulatedRecord::customId).doesNotHaveDuplicates();
    }
}
