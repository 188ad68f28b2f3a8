package org.civic311.orchestrator.reporting;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.civic311.orchestrator.request.RequestStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's reads. Measures of closed work come from the summary and its rollups, each read through its primary
 * key on the day or month ({@link #parts}); the open backlog from the open requests received in the chosen days,
 * through an index holding every column read (ix_service_request_open_backlog). No read goes through all requests.
 */
@Repository
class ReportQueries {

    /** The area a request is counted under, as {@link SummaryRebuild#areaOf} says, in SQL. */
    static final String AREA = "CASE WHEN area IS NOT NULL AND area <> '' THEN area"
            + " WHEN zipcode IS NOT NULL AND TRIM(zipcode) <> '' THEN CONCAT('ZIP ', TRIM(zipcode)) ELSE '' END";
    /** Groupings: the summary's column and the same on service_request. */
    private static final Map<String, String[]> GROUPS = Map.of(
            "service_code", new String[] {"service_code", "service_code"},
            "department", new String[] {"department", "COALESCE(department, '')"},
            "channel", new String[] {"channel", "channel"},
            "area", new String[] {"area", AREA},
            "all", new String[] {"'all'", "'all'"});

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    ReportQueries(JdbcTemplate jdbc, @Value("${civic311.zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /** The values each filter accepts: those of the requests summarised so far. */
    Map<String, Set<String>> knownValues() {
        Map<String, Set<String>> known = new HashMap<>();
        jdbc.query("SELECT kind, dim_value FROM report_dimension", (ResultSet rs) -> {
            known.computeIfAbsent(rs.getString("kind"), k -> new TreeSet<>()).add(rs.getString("dim_value"));
        });
        return known;
    }

    /**
     * The measures per value of {@code dimension} ("all" for one row of totals, "day" for days received, "month" for
     * their months).
     */
    Map<String, Measures> by(String dimension, ReportFilter filter, Instant now) {
        return by(List.of(dimension), filter, now).entrySet().stream().collect(TreeMap::new,
                (map, e) -> map.put(e.getKey().get(0), e.getValue()), Map::putAll);
    }

    /**
     * The measures per combination of values of the dimensions, e.g. request type and area ("day" for the day
     * received, "month" for its month, keyed by the month's first day).
     */
    Map<List<String>, Measures> by(List<String> dimensions, ReportFilter filter, Instant now) {
        Map<List<String>, Measures> result = new TreeMap<>(ReportQueries::compare);
        if (filter.matchesNothing()) {
            return result;
        }
        for (Part part : parts(dimensions, filter)) {
            List<Object> args = new ArrayList<>();
            String where = part.where(filter, args);
            List<String> columns = dimensions.stream()
                    .map(d -> isDate(d) ? part.dateColumn() : GROUPS.get(d)[0]).toList();
            StringBuilder select = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                select.append(columns.get(i)).append(" AS g").append(i).append(", ");
            }
            jdbc.query("SELECT " + select + Measures.summarySums() + " FROM " + part.table() + " WHERE " + where
                    + " GROUP BY " + String.join(", ", columns), (ResultSet rs) -> {
                List<String> key = new ArrayList<>();
                for (int i = 0; i < dimensions.size(); i++) {
                    key.add(isDate(dimensions.get(i))
                            ? dateKey(dimensions.get(i), rs.getObject("g" + i, LocalDate.class))
                            : rs.getString("g" + i));
                }
                result.computeIfAbsent(key, k -> new Measures()).addSummary(rs);
            }, args.toArray());
        }

        List<Object> openArgs = new ArrayList<>();
        String openWhere = openWhere(filter, openArgs);
        List<String> openColumns = dimensions.stream().map(d -> isDate(d) ? "requested_at" : GROUPS.get(d)[1]).toList();
        StringBuilder openSelect = new StringBuilder();
        for (int i = 0; i < openColumns.size(); i++) {
            openSelect.append(openColumns.get(i)).append(" AS g").append(i).append(", ");
        }
        jdbc.query("SELECT " + openSelect + "requested_at AS r_at, expected_at AS e_at FROM service_request WHERE "
                + openWhere, (ResultSet rs) -> {
            List<String> key = new ArrayList<>();
            for (int i = 0; i < dimensions.size(); i++) {
                key.add(isDate(dimensions.get(i))
                        ? dateKey(dimensions.get(i),
                                utc(rs.getObject("g" + i, LocalDateTime.class)).atZone(zone).toLocalDate())
                        : rs.getString("g" + i));
            }
            Instant requested = utc(rs.getObject("r_at", LocalDateTime.class));
            LocalDateTime expected = rs.getObject("e_at", LocalDateTime.class);
            boolean late = expected != null && utc(expected).isBefore(now);
            result.computeIfAbsent(key, k -> new Measures())
                    .addOpen(Math.max(0, Duration.between(requested, now).toDays()), 1, late ? 1 : 0);
        }, openArgs.toArray());
        return result;
    }

    /**
     * Which summary rows answer: the days without channel and area (report_day_type) when neither is grouped or
     * filtered by; else the whole months of the range from report_month and the days at either end from report_day;
     * report_day alone for a range without a whole month, or when grouped by day.
     */
    static List<Part> parts(List<String> dimensions, ReportFilter filter) {
        boolean fine = dimensions.contains("channel") || dimensions.contains("area")
                || filter.value("channel") != null || filter.value("area") != null;
        if (!fine) {
            return List.of(new Part("report_day_type", "received_on", filter.from(), filter.to()));
        }
        LocalDate firstMonth = filter.from().getDayOfMonth() == 1 ? filter.from()
                : filter.from().withDayOfMonth(1).plusMonths(1);
        LocalDate afterMonths = filter.to().plusDays(1).withDayOfMonth(1);
        if (dimensions.contains("day") || !firstMonth.isBefore(afterMonths)) {
            return List.of(new Part("report_day", "received_on", filter.from(), filter.to()));
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("report_month", "month_start", firstMonth, afterMonths.minusMonths(1)));
        if (filter.from().isBefore(firstMonth)) {
            parts.add(new Part("report_day", "received_on", filter.from(), firstMonth.minusDays(1)));
        }
        if (!filter.to().isBefore(afterMonths)) {
            parts.add(new Part("report_day", "received_on", afterMonths, filter.to()));
        }
        return parts;
    }

    /** Summary rows of one table whose date column lies in [first, last]. */
    record Part(String table, String dateColumn, LocalDate first, LocalDate last) {

        String where(ReportFilter filter, List<Object> args) {
            StringBuilder where = new StringBuilder(dateColumn + " >= ? AND " + dateColumn + " <= ?");
            args.add(first);
            args.add(last);
            for (String dimension : ReportFilter.DIMENSIONS) {
                String value = filter.value(dimension);
                if (value != null) {
                    where.append(" AND ").append(dimension).append(" = ?");
                    args.add(value);
                }
            }
            return where.toString();
        }
    }

    private static boolean isDate(String dimension) {
        return "day".equals(dimension) || "month".equals(dimension);
    }

    private static String dateKey(String dimension, LocalDate day) {
        return ("month".equals(dimension) ? day.withDayOfMonth(1) : day).toString();
    }

    /** The open requests received in the filter's days, of its values. */
    private String openWhere(ReportFilter filter, List<Object> args) {
        StringBuilder where = new StringBuilder("status = ? AND requested_at >= ? AND requested_at < ?");
        args.add(RequestStatus.OPEN.name());
        args.add(SummaryRebuild.utc(filter.from().atStartOfDay(zone).toInstant()));
        args.add(SummaryRebuild.utc(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        for (String dimension : ReportFilter.DIMENSIONS) {
            String value = filter.value(dimension);
            if (value != null) {
                where.append(" AND ").append("area".equals(dimension) ? AREA : dimension).append(" = ?");
                args.add(value);
            }
        }
        return where.toString();
    }

    private static Instant utc(LocalDateTime at) {
        return at.toInstant(ZoneOffset.UTC);
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
