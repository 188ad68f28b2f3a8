package org.civic311.simulators.accela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.simulators.accela.ApiAuthenticationTest.assertError;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.civic311.simulators.accela.AccelaHttp.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Finding records: by the integration's own reference, by closing date, page by page. */
@SimulatorTest
class SearchAndPagingTest {

    /** The simulator's default agency time zone is UTC. */
    static final DateTimeFormatter ACCELA = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

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

    @Test
    void anIntegrationFindsTheRecordItCreatedByItsShortNotes() {
        accela.createRecord("civic311:task-1");
        String mine = accela.createRecord("civic311:task-2");
        accela.createRecord("civic311:task-3");

        Reply found = accela.post("/v4/search/records?expand=addresses", Map.of("shortNotes", "civic311:task-2"));
        Reply none = accela.post("/v4/search/records", Map.of("shortNotes", "civic311:task-404"));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("result")).hasSize(1);
        assertThat(found.at("/result/0/id")).isEqualTo(mine);
        assertThat(found.at("/page/total")).isEqualTo("1");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().has("result")).as("no result when nothing matches").isFalse();
        assertThat(none.at("/page/hasmore")).isEqualTo("false");
    }

    @Test
    void closedRecordsAreFoundByClosedDateFrom() {
        String before = ACCELA.format(Instant.now().minusSeconds(60));
        String open = accela.createRecord("civic311:task-1");
        String closed = accela.createRecord("civic311:task-2");
        simulator.completeWorkflowTask(closed, "No Violation Found", "Grass was already cut");

        Reply search = accela.post("/v4/search/records", Map.of("closedDateFrom", before));
        Reply query = accela.get("/v4/records?closedDateFrom=" + before);
        Reply byStatusType = accela.post("/v4/search/records", Map.of("statusTypes", List.of("CLOSED", "COMPLETE")));
        Reply stillOpen = accela.post("/v4/search/records", Map.of("statusTypes", List.of("OPEN")));

        assertThat(ids(search)).containsExactly(closed);
        assertThat(ids(query)).containsExactly(closed);
        assertThat(ids(byStatusType)).containsExactly(closed);
        assertThat(ids(stillOpen)).containsExactly(open);
    }

    @Test
    void aBareDateClosesARangeAtTheEndOfThatDay() {
        String closed = accela.createRecord("civic311:task-1");
        simulator.completeWorkflowTask(closed, "Violation Corrected", null);
        String today = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(Instant.now());

        Reply reply = accela.get("/v4/records?closedDateFrom=" + today + "&closedDateTo=" + today);

        assertThat(ids(reply)).containsExactly(closed);
    }

    @Test
    void listsFilterByCustomIdAndStatus() {
        accela.createRecord("civic311:task-1");
        String second = accela.createRecord("civic311:task-2");
        String customId = simulator.findRecord(second).orElseThrow().customId();

        assertThat(ids(accela.get("/v4/records?customId=" + customId))).containsExactly(second);
        assertThat(ids(accela.get("/v4/records?status=Received"))).hasSize(2);
        assertThat(ids(accela.post("/v4/search/records", Map.of("customId", customId)))).containsExactly(second);
    }

    @Test
    void searchMatchesCustomFormValuesToo() {
        String id = accela.createRecord("civic311:task-1");
        accela.createRecord("civic311:task-2");
        accela.put("/v4/records/" + id + "/customForms", List.of(Map.of("id", "CIVIC311-INTAKE", "Civic311 Task ID", "task-1")));

        Reply reply = accela.post("/v4/search/records", Map.of("customForm", Map.of("id", "CIVIC311-INTAKE", "Civic311 Task ID", "task-1")));

        assertThat(ids(reply)).containsExactly(id);
    }

    @Test
    void pagesHaveOffsetLimitTotalAndHasmore() {
        for (int i = 1; i <= 7; i++) {
            accela.createRecord("civic311:task-" + i);
        }

        Reply first = accela.get("/v4/records?limit=3");
        Reply last = accela.get("/v4/records?limit=3&offset=6");
        Reply searched = accela.post("/v4/search/records?limit=5&offset=5", Map.of("module", "ServiceRequest"));
        Reply defaults = accela.get("/v4/records");

        assertThat(first.json().get("result")).hasSize(3);
        assertThat(first.json().get("page").toString()).isEqualTo("{\"offset\":0,\"limit\":3,\"total\":7,\"hasmore\":true}");
        assertThat(last.json().get("result")).hasSize(1);
        assertThat(last.at("/page/hasmore")).isEqualTo("false");
        assertThat(searched.json().get("result")).hasSize(2);
        assertThat(searched.at("/page/hasmore")).isEqualTo("false");
        assertThat(defaults.at("/page/limit")).isEqualTo("25");
        assertThat(defaults.at("/page/offset")).isEqualTo("0");
        assertThat(accela.get("/v4/records?limit=5000").at("/page/limit")).as("capped at 1000").isEqualTo("1000");
    }

    @Test
    void pagesWalkEveryRecordOnceInOrder() {
        for (int i = 1; i <= 5; i++) {
            accela.createRecord("civic311:task-" + i);
        }
        List<String> seen = new ArrayList<>();
        int offset = 0;
        Reply page;
        do {
            page = accela.post("/v4/search/records?limit=2&offset=" + offset, Map.of());
            seen.addAll(ids(page));
            offset += 2;
        } while (page.json().at("/page/hasmore").asBoolean());

        assertThat(seen).containsExactlyElementsOf(simulator.records().stream().map(SimulatedRecord::id).toList());
    }

    @Test
    void searchSortsWhenAsked() {
        String first = accela.createRecord("civic311:task-1");
        String second = accela.createRecord("civic311:task-2");

        Reply reply = accela.post("/v4/search/records", Map.of("sort", "openedDate", "direction", "DESC"));

        assertThat(ids(reply)).containsExactly(second, first);
    }

    @Test
    void listsDoNotExpandButSearchAndGetDo() {
        accela.post("/v4/records", RecordsApiTest.serviceRequest());

        JsonNode listed = accela.get("/v4/records?expand=addresses").json().at("/result/0");
        JsonNode searched = accela.post("/v4/search/records?expand=addresses", Map.of()).json().at("/result/0");

        assertThat(listed.has("addresses")).isFalse();
        assertThat(searched.has("addresses")).isTrue();
    }

    @Test
    void badPagingAndDatesAreBadRequests() {
        assertError(accela.get("/v4/records?limit=abc"), 400, "bad_request");
        assertError(accela.get("/v4/records?offset=-1"), 400, "bad_request");
        assertError(accela.get("/v4/records?closedDateFrom=yesterday"), 400, "bad_request");
    }

    private static List<String> ids(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().path("result").forEach(record -> ids.add(record.get("id").asText()));
        return ids;
    }
}
