package org.civic311.simulators.accela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civic311.simulators.accela.ApiAuthenticationTest.assertError;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.civic311.simulators.accela.AccelaHttp.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The code-enforcement workflow: a new record's Investigation task, and closing the record by finishing it. */
@SimulatorTest
class WorkflowTest {

    @LocalServerPort
    int port;

    @Autowired
    AccelaSimulator simulator;

    AccelaHttp accela;
    String recordId;
    String taskId;

    @BeforeEach
    void aNewRecord() {
        simulator.reset();
        accela = new AccelaHttp(port).login();
        recordId = accela.createRecord("civic311:task-1");
        taskId = accela.get("/v4/records/" + recordId + "/workflowTasks").at("/result/0/id");
    }

    @Test
    void aNewRecordStartsWithTheInvestigationTaskActive() {
        Reply tasks = accela.get("/v4/records/" + recordId + "/workflowTasks");

        JsonNode task = tasks.json().at("/result/0");
        assertThat(tasks.json().get("result")).hasSize(1);
        assertThat(task.get("id").asText()).matches("\\d+-1");
        assertThat(task.get("description").asText()).isEqualTo("Investigation");
        assertThat(task.get("isActive").asText()).isEqualTo("Y");
        assertThat(task.get("isCompleted").asText()).isEqualTo("N");
        assertThat(task.get("processCode").asText()).isEqualTo("CE_INVESTIGATION");
        assertThat(task.at("/assignedToDepartment/value").asText()).isEqualTo("Code Enforcement");
        assertThat(task.get("dueDate").asText()).isNotBlank();
        assertThat(task.at("/recordId/id").asText()).isEqualTo(recordId);
        assertThat(task.has("status")).as("no status until someone gives one").isFalse();
    }

    @Test
    void theTaskListsItsAllowedStatusesAndCanBeReadAlone() {
        Reply statuses = accela.get("/v4/records/" + recordId + "/workflowTasks/" + taskId + "/statuses");
        Reply one = accela.get("/v4/records/" + recordId + "/workflowTasks/" + taskId);

        assertThat(statuses.json().get("result").findValuesAsText("value"))
                .containsExactly("In Progress", "Violation Corrected", "No Violation Found");
        assertThat(one.json().get("result").isArray()).as("an array, as the spec says").isTrue();
        assertThat(one.at("/result/0/id")).isEqualTo(taskId);
        assertError(accela.get("/v4/records/" + recordId + "/workflowTasks/99-9"), 404, "resource_not_found");
    }

    @Test
    void anInterimStatusLeavesTheRecordOpen() {
        Reply reply = accela.put("/v4/records/" + recordId + "/workflowTasks/" + taskId,
                Map.of("status", Map.of("value", "In Progress"), "comment", "Visited, owner notified"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.at("/result/status/value")).isEqualTo("In Progress");
        assertThat(reply.at("/result/comment")).isEqualTo("Visited, owner notified");
        assertThat(reply.at("/result/isActive")).isEqualTo("Y");
        JsonNode record = accela.get("/v4/records/" + recordId).json().at("/result/0");
        assertThat(record.at("/status/value").asText()).isEqualTo("In Progress");
        assertThat(record.get("statusType").asText()).isEqualTo("OPEN");
        assertThat(record.has("closedDate")).isFalse();
    }

    @Test
    void finishingTheLastTaskClosesTheRecord() {
        Reply reply = accela.put("/v4/records/" + recordId + "/workflowTasks/" + taskId, Map.of(
                "status", Map.of("value", "No Violation Found"),
                "comment", "Grass within limits",
                "statusDate", "2026-03-04 10:00:00"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.at("/result/isActive")).isEqualTo("N");
        assertThat(reply.at("/result/isCompleted")).isEqualTo("Y");
        assertThat(reply.at("/result/statusDate")).isEqualTo("2026-03-04 10:00:00");
        assertThat(reply.at("/result/endTime")).isNotBlank();
        JsonNode record = accela.get("/v4/records/" + recordId).json().at("/result/0");
        assertThat(record.at("/status/value").asText()).isEqualTo("Closed");
        assertThat(record.get("statusType").asText()).isEqualTo("CLOSED");
        assertThat(record.get("closedDate").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(record.get("closedByDepartment").asText()).isEqualTo("Code Enforcement");
        assertThat(record.has("completeDate")).isFalse();
    }

    @Test
    void theOfficerCanCompleteFromJavaAndACompleteStatusSetsCompleteDate() {
        SimulatedRecord after = simulator.completeWorkflowTask(recordId, "Violation Corrected", "Owner mowed");

        assertThat(after.status()).isEqualTo("Complete");
        assertThat(after.statusType()).isEqualTo("COMPLETE");
        assertThat(after.isClosed()).isTrue();
        assertThat(after.activeTasks()).isEmpty();
        JsonNode record = accela.get("/v4/records/" + recordId).json().at("/result/0");
        assertThat(record.get("statusType").asText()).isEqualTo("COMPLETE");
        assertThat(record.get("completeDate").asText()).isEqualTo(record.get("closedDate").asText());
        assertThat(accela.get("/v4/records/" + recordId + "/workflowTasks").at("/result/0/comment")).isEqualTo("Owner mowed");
    }

    @Test
    void aStatusTheTaskDoesNotHaveIsADataValidationError() {
        Reply reply = accela.put("/v4/records/" + recordId + "/workflowTasks/" + taskId, Map.of("status", Map.of("value", "Complete")));

        assertError(reply, 400, "data_validation_error");
        assertThat(reply.at("/more")).contains("No Violation Found");
        assertThatThrownBy(() -> simulator.completeWorkflowTask(recordId, "Done", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCompletedTaskCannotBeChangedAgain() {
        simulator.completeWorkflowTask(recordId, "No Violation Found", null);

        Reply reply = accela.put("/v4/records/" + recordId + "/workflowTasks/" + taskId, Map.of("status", Map.of("value", "In Progress")));

        assertError(reply, 400, "bad_request");
        assertThatThrownBy(() -> simulator.completeWorkflowTask(recordId, "In Progress", null))
                .isInstanceOf(IllegalStateException.class);
    }
}
