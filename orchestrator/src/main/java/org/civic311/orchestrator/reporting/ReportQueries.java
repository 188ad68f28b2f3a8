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
 * The dashboard's reads. Measures of closed work come from the summary (report_day, through its primary key on the
 * day); the open backlog from the open requests received in the chosen days (index on status, requested_at). No read
 * goes through all requests.
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
            "day", new String[] {"received_on", "requested_at"},
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

    /** The measures per value of {@code dimension} ("all" for one row of totals, "day" for days received). */
    Map<String, Measures> by(String dimension, ReportFilter filter, Instant now) {
        return by(List.of(dimension), filter, now).entrySet().stream().collect(TreeMap::new,
                (map, e) -> map.put(e.getKey().get(0), e.getValue()), Map::putAll);
    }

    /** The measures per combination of values of the dimensions, e.g. request type and area. */
    Map<List<String>, Measures> by(List<String> dimensions, ReportFilter filter, Instant now) {
        Map<List<String>, Measures> result = new TreeMap<>(ReportQueries::compare);
        if (filter.matchesNothing()) {
            return result;
        }
        List<Object> args = new ArrayList<>();
        String where = where(filter, false, args);
        List<String> columns = dimensions.stream().map(d -> GROUPS.get(d)[0]).toList();
        String groups = String.join(", ", columns);
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            select.append(columns.get(i)).append(" AS g").append(i).append(", ");
        }
        jdbc.query("SELECT " + select + Measures.summarySums() + " FROM report_day WHERE " + where + " GROUP BY " + groups, (ResultSet rs) -> {
            List<String> key = new ArrayList<>();
            for (int i = 0; i < dimensions.size(); i++) {
                key.add("day".equals(dimensions.get(i))
                        ? rs.getObject("g" + i, LocalDate.class).toString() : rs.getString("g" + i));
            }
            result.computeIfAbsent(key, k -> new Measures()).addSummary(rs);
        }, args.toArray());

        List<Object> openArgs = new ArrayList<>();
        String openWhere = where(filter, true, openArgs);
        List<String> openColumns = dimensions.stream().map(d -> GROUPS.get(d)[1]).toList();
        StringBuilder openSelect = new StringBuilder();
        for (int i = 0; i < openColumns.size(); i++) {
            openSelect.append(openColumns.get(i)).append(" AS g").append(i).append(", ");
        }
        jdbc.query("SELECT " + openSelect + "requested_at AS r_at, expected_at AS e_at FROM service_request WHERE "
                + openWhere, (ResultSet rs) -> {
            List<String> key = new ArrayList<>();
            for (int i = 0; i < dimensions.size(); i++) {
                key.add("day".equals(dimensions.get(i))
                        ? utc(rs.getObject("g" + i, LocalDateTime.class)).atZone(zone).toLocalDate().toString()
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

    private String where(ReportFilter filter, boolean openRequests, List<Object> args) {
        StringBuilder where = new StringBuilder();
        if (openRequests) {
            where.append("status = ? AND requested_at >= ? AND requested_at < ?");
            args.add(RequestStatus.OPEN.name());
            args.add(SummaryRebuild.utc(filter.from().atStartOfDay(zone).toInstant()));
            args.add(SummaryRebuild.utc(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        } else {
            where.append("received_on >= ? AND received_on <= ?");
            args.add(filter.from());
            args.add(filter.to());
        }
        for (String dimension : ReportFilter.DIMENSIONS) {
            String value = filter.value(dimension);
            if (value == null) {
                continue;
            }
            if (openRequests && "area".equals(dimension)) {
                where.append(" AND ").append(AREA).append(" = ?");
            } else if (openRequests && "department".equals(dimension)) {
                where.append(" AND department = ?");
            } else {
                where.append(" AND ").append(dimension).append(" = ?");
            }
            args.add(value);
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
