package org.civic311.simulators.accela;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Records: create, read (with {@code expand}), list, update and search.
 * <p>
 * {@code GET /v4/records} answers simpleRecordModel and does not expand, as documented; reading addresses,
 * contacts or custom forms takes {@code GET /v4/records/{ids}?expand=...} or the search.
 */
@RestController
@RequestMapping("${civic311.simulators.accela.base-path:/sim/accela}/v4")
class RecordsController {

    private final Records records;
    private final RecordCatalog catalog;
    private final AgencyClock clock;
    private final Faults faults;

    RecordsController(Records records, RecordCatalog catalog, AgencyClock clock, Faults faults) {
        this.records = records;
        this.catalog = catalog;
        this.clock = clock;
        this.faults = faults;
    }

    @PostMapping("/records")
    ResponseEntity<JsonNode> create(ApiCaller caller, @RequestBody(required = false) JsonNode body) {
        NewRecord request = NewRecord.from(body, catalog, clock);
        // The agency's ApplicationSubmitBefore script runs on a valid request, before anything is saved.
        faults.submitScriptRefusal().ifPresent(message -> {
            throw AccelaApiException.scriptRejected(message);
        });
        return ok(Envelope.of(records.create(request, caller.userId())));
    }

    @GetMapping("/records/{ids}")
    ResponseEntity<JsonNode> get(ApiCaller caller, @PathVariable String ids,
                                 @RequestParam(required = false) String expand,
                                 @RequestParam(required = false) String fields) {
        ArrayNode found = records.get(ids, expansions(expand));
        found.forEach(record -> RecordJson.select((ObjectNode) record, names(fields)));
        return ok(Envelope.of(found));
    }

    @GetMapping("/records")
    ResponseEntity<JsonNode> list(ApiCaller caller, @RequestParam Map<String, String> query) {
        Paging paging = Paging.parse(query.get("offset"), query.get("limit"));
        Records.Listing listing = records.list(RecordCriteria.fromQuery(query, clock), paging, null);
        listing.items().forEach(record -> RecordJson.select((ObjectNode) record, names(query.get("fields"))));
        return ok(Envelope.page(listing.items(), paging, listing.total()));
    }

    @PutMapping("/records/{id}")
    ResponseEntity<JsonNode> update(ApiCaller caller, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        return ok(Envelope.of(records.update(id, body)));
    }

    @PostMapping("/search/records")
    ResponseEntity<JsonNode> search(ApiCaller caller, @RequestBody(required = false) JsonNode body,
                                    @RequestParam Map<String, String> query) {
        Paging paging = Paging.parse(query.get("offset"), query.get("limit"));
        faults.searchServed();
        Records.Listing listing = records.list(RecordCriteria.fromSearch(body, clock, faults.matchesShortNotesLoosely()),
                paging, expansions(query.get("expand")));
        listing.items().forEach(record -> RecordJson.select((ObjectNode) record, names(query.get("fields"))));
        return ok(Envelope.page(listing.items(), paging, listing.total()));
    }

    /** The {@code expand} values the simulator can serve; others (parcels, owners, ...) have no data here. */
    private static Set<String> expansions(String expand) {
        return names(expand).stream().filter(RecordJson.EXPANSIONS::contains).collect(Collectors.toSet());
    }

    private static Set<String> names(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .collect(Collectors.toSet());
    }

    static ResponseEntity<JsonNode> ok(JsonNode body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
