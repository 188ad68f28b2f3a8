package org.civic311.simulators.accela;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A record's workflow tasks. {@code GET .../workflowTasks/{id}} answers a one-element array, as the spec's
 * response_taskItemModelArray says; the PUT answers the single task.
 */
@RestController
@RequestMapping("${civic311.simulators.accela.base-path:/sim/accela}/v4/records/{recordId}/workflowTasks")
class WorkflowTasksController {

    private final Records records;
    private final Faults faults;

    WorkflowTasksController(Records records, Faults faults) {
        this.records = records;
        this.faults = faults;
    }

    @GetMapping
    ResponseEntity<JsonNode> all(ApiCaller caller, @PathVariable String recordId) {
        faults.recordDetailsRead();
        return RecordsController.ok(Envelope.of(records.tasks(recordId)));
    }

    @GetMapping("/{taskId}")
    ResponseEntity<JsonNode> one(ApiCaller caller, @PathVariable String recordId, @PathVariable String taskId) {
        return RecordsController.ok(Envelope.of(Envelope.JSON.arrayNode().add(records.task(recordId, taskId))));
    }

    @GetMapping("/{taskId}/statuses")
    ResponseEntity<JsonNode> statuses(ApiCaller caller, @PathVariable String recordId, @PathVariable String taskId) {
        return RecordsController.ok(Envelope.of(records.taskStatuses(recordId, taskId)));
    }

    @PutMapping("/{taskId}")
    ResponseEntity<JsonNode> update(ApiCaller caller, @PathVariable String recordId, @PathVariable String taskId,
                                    @RequestBody(required = false) JsonNode body) {
        return RecordsController.ok(Envelope.of(records.updateTask(recordId, taskId, body)));
    }
}
