package org.civic311.orchestrator.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

/** The dashboard's tables for one filter. */
@Service
class ReportTables {

    static final List<String> IDS = List.of("summary", "by-type", "by-department", "by-channel", "by-area",
            "over-time", "equity");

    private final ReportQueries queries;
    private final Clock clock;

    ReportTables(ReportQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    ReportTable table(String id, ReportFilter filter) {
        Instant now = clock.instant();
        return switch (id) {
            case "summary" -> measures(id, "All requests received " + filter.from() + " to " + filter.to(),
                    "Selection", queries.by("all", filter, now), key -> "All");
            case "by-type" -> measures(id, "By request type", "Request type",
                    queries.by("service_code", filter, now), key -> key);
            case "by-department" -> measures(id, "By department", "Department",
                    queries.by("department", filter, now), ReportTables::department);
            case "by-channel" -> measures(id, "By channel", "Channel", queries.by("channel", filter, now), key -> key);
            case "by-area" -> measures(id, "By area (service area, else ZIP code)", "Area",
                    queries.by("area", filter, now), ReportTables::area);
            case "over-time" -> measures(id, "By " + filter.period().name().toLowerCase(java.util.Locale.ROOT)
                    + " received", periodHeader(filter), overTime(filter, now), key -> key);
            case "equity" -> equity(filter, now);
            default -> throw new IllegalArgumentException(id);
        };
    }

    List<ReportTable> all(ReportFilter filter) {
        return IDS.stream().map(id -> table(id, filter)).toList();
    }

    private Map<String, Measures> overTime(ReportFilter filter, Instant now) {
        Map<String, Measures> periods = new TreeMap<>();
        // Grouped by month, a year is read from the monthly rollup; weeks and days need the days.
        String unit = filter.period() == ReportFilter.Period.MONTH ? "month" : "day";
        queries.by(unit, filter, now).forEach((day, measures) -> periods
                .computeIfAbsent(filter.period().start(LocalDate.parse(day)).toString(), k -> new Measures())
                .add(measures));
        return periods;
    }

    private static String periodHeader(ReportFilter filter) {
        return switch (filter.period()) {
            case DAY -> "Day";
            case WEEK -> "Week from (Monday)";
            case MONTH -> "Month from";
        };
    }

    private static ReportTable measures(String id, String title, String header, Map<String, Measures> rows,
                                        java.util.function.UnaryOperator<String> label) {
        List<String> headers = new ArrayList<>();
        headers.add(header);
        headers.addAll(Measures.headers());
        List<List<String>> cells = new ArrayList<>();
        rows.forEach((key, measures) -> {
            List<String> row = new ArrayList<>();
            row.add(label.apply(key));
            row.addAll(measures.cells());
            cells.add(row);
        });
        return new ReportTable(id, title, headers, cells);
    }

    private ReportTable equity(ReportFilter filter, Instant now) {
        Map<List<String>, Measures> byTypeAndArea = queries.by(List.of("service_code", "area"), filter, now);
        // Every request has one area (or ''), so a type's areas add up to the city: no second read.
        Map<String, Measures> byType = new TreeMap<>();
        byTypeAndArea.forEach((key, measures) -> byType.computeIfAbsent(key.get(0), k -> new Measures()).add(measures));
        List<ServiceEquity.Row> rows = ServiceEquity.compare(byTypeAndArea, byType);
        List<List<String>> cells = new ArrayList<>();
        for (ServiceEquity.Row row : rows) {
            cells.add(List.of(row.serviceCode(), area(row.area()), String.valueOf(row.inArea().get(Measures.Sum.CLOSED)),
                    Numbers.decimal(row.inArea().medianDaysToClose()), Numbers.decimal(row.city().medianDaysToClose()),
                    row.ratio() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", row.ratio()),
                    Numbers.percent(row.inArea().onTimeShare()), Numbers.percent(row.city().onTimeShare()),
                    row.z() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", row.z()),
                    String.join("; ", row.flags())));
        }
        return new ReportTable("equity", "Service equity: each area against the city, for the same request type",
                List.of("Request type", "Area", "Closed", "Median days to close", "City median days",
                        "Area ÷ city median", "On time (%)", "City on time (%)", "z (on time vs rest of city)",
                        "Flag"), cells);
    }

    static String department(String code) {
        return code.isEmpty() ? "(not routed yet)" : code;
    }

    static String area(String area) {
        return area.isEmpty() ? "(unknown)" : area;
    }
}
