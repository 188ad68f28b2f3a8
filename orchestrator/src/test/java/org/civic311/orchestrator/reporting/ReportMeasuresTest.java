package org.civic311.orchestrator.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every measure of the dashboard against the answers worked out by hand for {@link FixedRequests}. */
@ReportingTestApplication
class ReportMeasuresTest {

    static final String MARCH = "from=2026-03-01&to=2026-03-31";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SummaryRefresh refresh;
    @Autowired
    ReportTables tables;
    @Autowired
    ReportQueries queries;

    @BeforeEach
    void data() {
        prepare(jdbc, refresh);
    }

    static void prepare(JdbcTemplate jdbc, SummaryRefresh refresh) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM service_request", Integer.class) == 0) {
            FixedRequests.insert(jdbc);
        }
        refresh.refresh();
    }

    @Test
    void allMeasuresOfMarch() {
        Map<String, String> totals = row(table("summary", MARCH), "All");
        assertThat(totals).containsEntry("Received", "8")
                .containsEntry("Open now", "2")
                .containsEntry("Overdue now", "1")
                .containsEntry("Overdue now (%)", "12.5")
                // open for 12 days (8) and 29 days (4): nearest rank
                .containsEntry("Median age of open (days)", "12")
                .containsEntry("90th pct age of open (days)", "29")
                .containsEntry("Closed", "6")
                // buckets [1,2) [4,8) [24,36) [72,96)x2 [120,168): the 3rd of 6 is at the top of [24,36) = 36 h
                .containsEntry("Median days to close", "1.5")
                // rank 5.4 lies 0.4 into [120,168): 139.2 h
                .containsEntry("90th pct days to close", "5.8")
                // 2 is an hour late; 3, closed at its expected time to the second, is on time
                .containsEntry("On time (%)", "83.3")
                // 2 and 4; neither a warning nor a department's note counts
                .containsEntry("Escalated (%)", "25.0")
                .containsEntry("Reopened (%)", "16.7")
                .containsEntry("Duplicates (%)", "12.5")
                .containsEntry("Fixed, say residents (%)", "66.7")
                .containsEntry("Answers", "3")
                .containsEntry("Mean rating (1-5)", "3.7");
    }

    @Test
    void byTypeDepartmentChannelAndArea() {
        ReportTable byType = table("by-type", MARCH);
        assertThat(row(byType, "pothole")).containsEntry("Received", "6").containsEntry("Closed", "5")
                .containsEntry("On time (%)", "80.0").containsEntry("Open now", "1").containsEntry("Overdue now", "1")
                .containsEntry("Duplicates (%)", "16.7");
        assertThat(row(byType, "graffiti")).containsEntry("Received", "2").containsEntry("Closed", "1")
                .containsEntry("On time (%)", "100.0").containsEntry("Open now", "1").containsEntry("Overdue now", "0")
                .containsEntry("Median days to close", "0.1");
        assertThat(column(table("by-department", MARCH), "Department", "Received"))
                .containsExactly(List.of("sanitation", "2"), List.of("streets", "6"));
        assertThat(column(table("by-channel", MARCH), "Channel", "Received"))
                .containsExactly(List.of("email", "1"), List.of("phone", "2"), List.of("web", "5"));
        // A request without a service area is counted by its ZIP code.
        assertThat(column(table("by-area", MARCH), "Area", "Received", "Closed", "On time (%)", "Open now"))
                .containsExactly(List.of("Ward 1", "4", "3", "66.7", "1"), List.of("Ward 2", "3", "3", "100.0", "0"),
                        List.of("ZIP 60601", "1", "0", "", "1"));
    }

    @Test
    void filtersAndPeriods() {
        assertThat(row(table("summary", MARCH + "&area=Ward 1"), "All")).containsEntry("Received", "4");
        assertThat(row(table("summary", MARCH + "&service_code=pothole&channel=web"), "All"))
                .containsEntry("Received", "4").containsEntry("Open now", "1");
        assertThat(row(table("summary", MARCH + "&department=sanitation&area=Ward 2"), "All"))
                .containsEntry("Received", "1").containsEntry("Fixed, say residents (%)", "100.0");
        assertThat(row(table("summary", "from=2026-02-01&to=2026-02-28"), "All")).containsEntry("Received", "1");
        assertThat(column(table("over-time", MARCH + "&period=week"), "Week from (Monday)", "Received"))
                .containsExactly(List.of("2026-03-02", "7"), List.of("2026-03-16", "1"));
        assertThat(column(table("over-time", "from=2026-02-01&to=2026-03-31&period=month"), "Month from", "Received"))
                .containsExactly(List.of("2026-02-01", "1"), List.of("2026-03-01", "8"));
        assertThat(column(table("over-time", MARCH + "&period=day"), "Day", "Received"))
                .containsExactly(List.of("2026-03-02", "3"), List.of("2026-03-03", "2"), List.of("2026-03-04", "2"),
                        List.of("2026-03-20", "1"));
    }

    @Test
    void aChangedRequestReachesTheSummaryAtTheNextRefresh() {
        try {
            jdbc.update("UPDATE service_request SET area = 'Ward 3', updated_at = ? WHERE id = 4",
                    SummaryRebuild.utc(FixedRequests.NOW));
            refresh.refresh();
            assertThat(column(table("by-area", MARCH), "Area", "Received"))
                    .contains(List.of("Ward 3", "1")).doesNotContain(List.of("ZIP 60601", "1"));
        } finally {
            jdbc.update("UPDATE service_request SET area = NULL, updated_at = ? WHERE id = 4",
                    SummaryRebuild.utc(FixedRequests.NOW));
            refresh.refresh();
        }
    }

    @Test
    void badInputGetsAMessageAndALabelledResult() {
        ReportFilter unknown = filter(MARCH + "&service_code=nosuch");
        assertThat(unknown.messages()).containsExactly("No request type \"nosuch\" has any request; nothing matches.");
        assertThat(tables.table("summary", unknown).rows()).isEmpty();

        ReportFilter reversed = filter("from=2026-03-31&to=2026-03-01");
        assertThat(reversed.from()).isEqualTo(LocalDate.parse("2026-03-01"));
        assertThat(reversed.messages()).singleElement().asString().contains("swapped");
        assertThat(row(tables.table("summary", reversed), "All")).containsEntry("Received", "8");

        ReportFilter huge = filter("from=1900-01-01&to=2026-03-31");
        assertThat(huge.from()).isEqualTo(LocalDate.parse("2026-03-31").minusDays(ReportFilter.LONGEST_DAYS - 1));
        assertThat(huge.messages()).singleElement().asString().contains("at most 1096 days");

        ReportFilter garbage = filter("from=yesterday&to=2026-13-45&period=fortnight");
        assertThat(garbage.to()).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(garbage.messages()).hasSize(3);

        assertThat(tables.table("summary", filter("from=2025-01-01&to=2025-01-31")).rows()).isEmpty();
    }

    @Test
    void pagesAnswerBadInputWithoutAnErrorPage() throws Exception {
        for (String query : List.of("service_code=nosuch", "from=2026-03-31&to=2026-03-01", "from=x&to=y&period=z",
                "from=1900-01-01", "from=2020-01-01&to=2020-01-02", "area=%3Cscript%3Ealert(1)%3C%2Fscript%3E")) {
            HttpResponse<String> page = get("/staff/?" + query, ReportingTestApplication.DIRECTOR,
                    ReportingTestApplication.DIRECTOR_PASSWORD);
            assertThat(page.statusCode()).as(query).isEqualTo(200);
            assertThat(page.body()).as(query).contains("Civic311 performance").doesNotContain("<script>alert");
        }
        HttpResponse<String> empty = get("/staff/?from=2020-01-01&to=2020-01-02", ReportingTestApplication.DIRECTOR,
                ReportingTestApplication.DIRECTOR_PASSWORD);
        assertThat(empty.body()).contains("No requests match this selection.").contains("2020-01-01");
        HttpResponse<String> noTable = get("/staff/reports/nosuch.csv", ReportingTestApplication.DIRECTOR,
                ReportingTestApplication.DIRECTOR_PASSWORD);
        assertThat(noTable.statusCode()).isEqualTo(404);
        assertThat(noTable.body()).contains("the tables are summary, by-type");
    }

    @Test
    void everyTableDownloadsAsCsvWithTheSameCells() throws Exception {
        HttpResponse<String> csv = get("/staff/reports/by-area.csv?" + MARCH, ReportingTestApplication.DIRECTOR,
                ReportingTestApplication.DIRECTOR_PASSWORD);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains("civic311-by-area-2026-03-01-to-2026-03-31.csv"));
        assertThat(csv.body().split("\r\n")).containsExactly(
                "Area,Received,Open now,Overdue now,Overdue now (%),Median age of open (days),90th pct age of open (days),"
                        + "Closed,Median days to close,90th pct days to close,On time (%),Escalated (%),Reopened (%),"
                        + "Duplicates (%),\"Fixed, say residents (%)\",Answers,Mean rating (1-5)",
                // Ward 1: closed in 24 h, 72 h, 73 h: median 78 h, 90th 92.4 h; Ward 2: 1.5 h, 4 h, 144 h: 6 h, 153.6 h
                "Ward 1,4,1,0,0.0,12,12,3,3.3,3.9,66.7,25.0,0.0,0.0,,0,",
                "Ward 2,3,0,0,0.0,,,3,0.3,6.4,100.0,0.0,33.3,33.3,66.7,3,3.7",
                "ZIP 60601,1,1,1,100.0,29,29,0,,,,100.0,,0.0,,0,");
        for (String id : ReportTables.IDS) {
            HttpResponse<String> each = get("/staff/reports/" + id + ".csv?" + MARCH, ReportingTestApplication.DIRECTOR,
                    ReportingTestApplication.DIRECTOR_PASSWORD);
            assertThat(each.statusCode()).as(id).isEqualTo(200);
            assertThat(each.body()).as(id).isEqualTo(tables.table(id, filter(MARCH)).csv());
        }
    }

    @Test
    void staffOnly() throws Exception {
        assertThat(get("/staff/", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/staff/reports/summary.csv", null, null).statusCode()).isEqualTo(401);
        // (A wrong password of a real user would delay its next login: the engine's own rule.)
        assertThat(get("/staff/", "nobody", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/staff/?" + MARCH, "streets-supervisor", "streets-pw-2").statusCode()).isEqualTo(200);
        HttpResponse<String> page = get("/staff/?" + MARCH, ReportingTestApplication.DIRECTOR,
                ReportingTestApplication.DIRECTOR_PASSWORD);
        assertThat(page.statusCode()).isEqualTo(200);
        // No personal data in the dashboard.
        assertThat(page.body()).doesNotContain("resident@example.org").doesNotContain("Jane");
    }

    ReportFilter filter(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv[1]);
        }
        return ReportFilter.of(params, LocalDate.parse("2026-04-01"), queries.knownValues());
    }

    ReportTable table(String id, String query) {
        return tables.table(id, filter(query));
    }

    static Map<String, String> row(ReportTable table, String first) {
        List<String> cells = table.rows().stream().filter(r -> r.get(0).equals(first)).findFirst().orElseThrow(
                () -> new AssertionError("No row " + first + " in " + table.rows()));
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            row.put(table.headers().get(i), cells.get(i));
        }
        return row;
    }

    static List<List<String>> column(ReportTable table, String... headers) {
        List<Integer> at = java.util.Arrays.stream(headers).map(h -> table.headers().indexOf(h)).toList();
        assertThat(at).doesNotContain(-1);
        return table.rows().stream().map(r -> at.stream().map(r::get).toList()).toList();
    }

    HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
