package org.civic311.orchestrator.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rollups answer as the days do: a range of whole months and days at either end, read from the monthly rollup
 * and the daily rows, gives the same numbers as adding up its days one by one (each read from the daily rows alone),
 * and the rollups follow a changed request at the next refresh.
 */
@ReportingTestApplication
class SummaryRollupTest {

    /** February 15 to April 1: March whole, 14 days of February and one of April at the ends. */
    static final String SPAN = "from=2026-02-15&to=2026-04-01";
    static final Instant NOW = FixedRequests.NOW;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SummaryRefresh refresh;
    @Autowired
    ReportQueries queries;
    @Autowired
    ReportTables tables;

    @BeforeEach
    void data() {
        ReportMeasuresTest.prepare(jdbc, refresh);
    }

    @Test
    void eachSelectionReadsTheSmallestRowsThatAnswerIt() {
        assertThat(tables(List.of("service_code"), filter(SPAN))).containsExactly("report_day_type");
        assertThat(tables(List.of("day"), filter(SPAN + "&service_code=pothole"))).containsExactly("report_day_type");
        assertThat(tables(List.of("area"), filter(SPAN)))
                .containsExactly("report_month", "report_day", "report_day");
        assertThat(tables(List.of("all"), filter("from=2026-03-01&to=2026-03-31&channel=web")))
                .containsExactly("report_month");
        assertThat(tables(List.of("month"), filter(SPAN + "&area=Ward 1")))
                .containsExactly("report_month", "report_day", "report_day");
        // No whole month, or days asked for: the daily rows.
        assertThat(tables(List.of("area"), filter("from=2026-03-02&to=2026-03-31"))).containsExactly("report_day");
        assertThat(tables(List.of("day"), filter(SPAN + "&area=Ward 1"))).containsExactly("report_day");
    }

    @Test
    void monthsAndEndDaysGiveTheNumbersOfTheirDays() {
        for (List<String> dimensions : List.of(List.of("all"), List.of("area"), List.of("channel"),
                List.of("service_code", "area"), List.of("service_code"), List.of("department"))) {
            Map<List<String>, List<String>> bySpan = cells(queries.by(dimensions, filter(SPAN), NOW));
            Map<List<String>, Measures> dayByDay = new TreeMap<>(SummaryRollupTest::compare);
            for (LocalDate day = LocalDate.parse("2026-02-15"); !day.isAfter(LocalDate.parse("2026-04-01"));
                 day = day.plusDays(1)) {
                queries.by(dimensions, filter("from=" + day + "&to=" + day), NOW)
                        .forEach((key, measures) -> dayByDay.computeIfAbsent(key, k -> new Measures()).add(measures));
            }
            assertThat(bySpan).as(dimensions.toString()).isNotEmpty().isEqualTo(cells(dayByDay));
        }
        // The February request is counted once, in its own month.
        assertThat(queries.by("month", filter(SPAN + "&area=Ward 1"), NOW).keySet())
                .containsExactly("2026-02-01", "2026-03-01");
        assertThat(queries.by("month", filter(SPAN + "&area=Ward 1"), NOW).get("2026-02-01")
                .get(Measures.Sum.RECEIVED)).isEqualTo(1);
    }

    @Test
    void theEquityTablesCityIsTheTypesRowOfTheByTypeTable() {
        ReportFilter span = filter(SPAN);
        ReportTable equity = tables.table("equity", span);
        Map<String, Measures> byType = queries.by("service_code", span, NOW);
        assertThat(equity.rows()).isNotEmpty().allSatisfy(row -> {
            Measures city = byType.get(row.get(0));
            assertThat(row.get(4)).isEqualTo(Numbers.decimal(city.medianDaysToClose()));
            assertThat(row.get(7)).isEqualTo(Numbers.percent(city.onTimeShare()));
        });
    }

    @Test
    void theMonthlyRollupFollowsAChangeAtTheNextRefresh() {
        try {
            jdbc.update("UPDATE service_request SET channel = 'mobile', updated_at = ? WHERE id = 6",
                    SummaryRebuild.utc(NOW));
            refresh.refresh();
            assertThat(queries.by("channel", filter(SPAN), NOW).get("mobile").get(Measures.Sum.RECEIVED))
                    .isEqualTo(1);
        } finally {
            jdbc.update("UPDATE service_request SET channel = 'web', updated_at = ? WHERE id = 6",
                    SummaryRebuild.utc(NOW));
            refresh.refresh();
        }
        assertThat(queries.by("channel", filter(SPAN), NOW)).doesNotContainKey("mobile");
    }

    private static List<String> tables(List<String> dimensions, ReportFilter filter) {
        return ReportQueries.parts(dimensions, filter).stream().map(ReportQueries.Part::table).toList();
    }

    private static Map<List<String>, List<String>> cells(Map<List<String>, Measures> measures) {
        Map<List<String>, List<String>> cells = new HashMap<>();
        measures.forEach((key, m) -> cells.put(key, m.cells()));
        return cells;
    }

    private static int compare(List<String> a, List<String> b) {
        return String.join("\n", a).compareTo(String.join("\n", b));
    }

    private ReportFilter filter(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv[1]);
        }
        return ReportFilter.of(params, LocalDate.parse("2026-04-01"), queries.knownValues());
    }
}
