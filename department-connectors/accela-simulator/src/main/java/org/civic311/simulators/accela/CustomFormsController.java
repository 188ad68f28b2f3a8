package org.civic311.simulators.accela;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A record's custom forms (ASI): {@code [{"id": "<formId>", "<Field Name>": "value"}]}. */
@RestController
@RequestMapping("${civic311.simulators.accela.base-path:/sim/accela}/v4/records/{recordId}/customForms")
class CustomFormsController {

    private final Records records;

    CustomFormsController(Records records) {
        this.records = records;
    }

    @GetMapping
    ResponseEntity<JsonNode> get(ApiCaller caller, @PathVariable String recordId) {
        return RecordsController.ok(Envelope.of(records.customForms(recordId)));
    }

    @PutMapping
    ResponseEntity<JsonNode> put(ApiCaller caller, @PathVariable String recordId,
                                 @RequestBody(required = false) JsonNode body) {
        return RecordsController.ok(Envelope.of(records.putCustomForms(recordId, body)));
    }
}
