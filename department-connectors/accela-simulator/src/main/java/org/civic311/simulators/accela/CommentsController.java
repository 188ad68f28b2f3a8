package org.civic311.simulators.accela;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A record's comments. The POST takes an array and answers one resultModel per element, so one bad
 * comment does not refuse the others.
 */
@RestController
@RequestMapping("${civic311.simulators.accela.base-path:/sim/accela}/v4/records/{recordId}/comments")
class CommentsController {

    private final Records records;
    private final Faults faults;

    CommentsController(Records records, Faults faults) {
        this.records = records;
        this.faults = faults;
    }

    @GetMapping
    ResponseEntity<JsonNode> all(ApiCaller caller, @PathVariable String recordId) {
        faults.recordDetailsRead();
        return RecordsController.ok(Envelope.of(records.comments(recordId)));
    }

    @PostMapping
    ResponseEntity<JsonNode> add(ApiCaller caller, @PathVariable String recordId,
                                 @RequestBody(required = false) JsonNode body) {
        return RecordsController.ok(Envelope.of(faults.commentFailure()
                .map(code -> records.failComments(recordId, body, code))
                .orElseGet(() -> records.addComments(recordId, body, caller.userId()))));
    }
}
