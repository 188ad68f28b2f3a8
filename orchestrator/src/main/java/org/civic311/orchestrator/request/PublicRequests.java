package org.civic311.orchestrator.request;

import static org.civic311.orchestrator.request.UtcColumns.instant;
import static org.civic311.orchestrator.request.ServiceRequests.nullableDouble;
import static org.civic311.orchestrator.request.UtcColumns.toColumn;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * The public read side of service requests: what the Open311 API lists. Every query here selects public columns
 * only, and each filter has an index (see db/changelog).
 */
@Repository
public class PublicRequests {

    private static final String COLUMNS = """
            id, tracking_number, service_code, service_name, status, status_notes, description, lat, lon, address,
            address_id, zipcode, media_url, channel, agency_responsible, service_notice, requested_at, updated_at,
            expected_at,
            (SELECT p.tracking_number FROM service_request p WHERE p.id = service_request.duplicate_of)
                AS parent_tracking_number""";

    private final JdbcClient db;
    private final DataSource dataSource;
    private volatile JdbcClient streaming;

    PublicRequests(JdbcClient db, DataSource dataSource) {
        this.db = db;
        this.dataSource = dataSource;
    }

    public Optional<PublicRequest> find(String trackingNumber) {
        return db.sql("SELECT " + COLUMNS + " FROM service_request WHERE tracking_number = :tn")
                .param("tn", trackingNumber)
                .query(this::map)
                .optional();
    }

    public List<PublicRequest> find(RequestQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM service_request WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!query.trackingNumbers().isEmpty()) {
            sql.append(" AND tracking_number IN (:trackingNumbers)");
            params.put("trackingNumbers", query.trackingNumbers());
        }
        if (!query.serviceCodes().isEmpty()) {
            sql.append(" AND service_code IN (:serviceCodes)");
            params.put("serviceCodes", query.serviceCodes());
        }
        if (!query.statuses().isEmpty()) {
            sql.append(" AND status IN (:statuses)");
            params.put("statuses", query.statuses().stream().map(RequestStatus::name).toList());
        }
        between(sql, params, "requested_at", query.requestedFrom(), query.requestedTo());
        between(sql, params, "updated_at", query.updatedFrom(), query.updatedTo());
        // The id breaks ties, so pages never overlap.
        sql.append(" ORDER BY requested_at DESC, id DESC LIMIT :limit OFFSET :offset");
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        return db.sql(sql.toString()).params(params).query(this::map).list();
    }

    /**
     * The open requests of their own (no duplicates) within {@code radiusMetres} of a point, nearest first. Read
     * through the index on {@code request_cell}, one key range per row of grid cells the circle touches, never by
     * reading every open request; the exact distance is then measured on each candidate.
     *
     * @param serviceCodes only these request types; empty for every type
     */
    public List<NearbyRequest> nearby(double lat, double lon, double radiusMetres, List<String> serviceCodes,
                                      int limit) {
        List<long[]> ranges = RequestCell.around(lat, lon, radiusMetres);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM service_request WHERE (");
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < ranges.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("request_cell BETWEEN :from").append(i).append(" AND :to").append(i);
            params.put("from" + i, ranges.get(i)[0]);
            params.put("to" + i, ranges.get(i)[1]);
        }
        sql.append(") AND status = :open AND duplicate_of IS NULL");
        params.put("open", RequestStatus.OPEN.name());
        if (!serviceCodes.isEmpty()) {
            sql.append(" AND service_code IN (:serviceCodes)");
            params.put("serviceCodes", serviceCodes);
        }
        return db.sql(sql.toString()).params(params).query(this::map).list().stream()
                .map(r -> new NearbyRequest(r, RequestCell.metresBetween(lat, lon, r.lat(), r.lon())))
                .filter(n -> n.metres() <= radiusMetres)
                .sorted(Comparator.comparingDouble(NearbyRequest::metres).thenComparing(n -> n.request().id()))
                .limit(limit)
                .toList();
    }

    /** The public history of each of these requests, oldest step first. */
    public Map<Long, List<RequestNote>> notes(Collection<Long> requestIds) {
        Map<Long, List<RequestNote>> notes = new LinkedHashMap<>();
        if (requestIds.isEmpty()) {
            return notes;
        }
        db.sql("""
                        SELECT request_id, note_type, description, created_at FROM request_note
                        WHERE request_id IN (:ids) ORDER BY request_id, id""")
                .param("ids", List.copyOf(requestIds))
                .query((ResultSet rs) -> {
                    notes.computeIfAbsent(rs.getLong("request_id"), id -> new ArrayList<>()).add(new RequestNote(
                            rs.getString("note_type"), rs.getString("description"), instant(rs, "created_at")));
                });
        return notes;
    }

    /**
     * What happened to any request in a time window, newest first: every step of its history except its
     * submission, which is the request itself.
     */
    public List<PublicUpdate> updates(Instant from, Instant to, int offset, int limit) {
        return db.sql("""
                        SELECT n.id, n.note_type, n.description, n.created_at, r.tracking_number, r.closed_at
                        FROM request_note n JOIN service_request r ON r.id = n.request_id
                        WHERE n.created_at >= :from AND n.created_at <= :to AND n.note_type <> :submitted
                        ORDER BY n.created_at DESC, n.id DESC LIMIT :limit OFFSET :offset""")
                .param("from", toColumn(from))
                .param("to", toColumn(to))
                .param("submitted", RequestNote.SUBMITTED)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> {
                    Instant at = instant(rs, "created_at");
                    Instant closedAt = instant(rs, "closed_at");
                    return new PublicUpdate(rs.getLong("id"), rs.getString("tracking_number"),
                            rs.getString("note_type"), rs.getString("description"), at,
                            closedAt != null && !at.isBefore(closedAt));
                })
                .list();
    }

    /**
     * Hands every request the query matches to {@code each}, in the order they came in, one at a time as the
     * database sends them: the rows are streamed, never held together in memory. The public columns of
     * {@link #find} only, plus the area, the duplicated request's tracking number and the closing time.
     */
    public void forEachPublished(PublishedRequestQuery query, Consumer<PublishedRequest> each) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + """
                , area, closed_at,
                (SELECT p.tracking_number FROM service_request p WHERE p.id = service_request.duplicate_of) AS parent
                FROM service_request WHERE 1 = 1""");
        Map<String, Object> params = new HashMap<>();
        if (!query.serviceCodes().isEmpty()) {
            sql.append(" AND service_code IN (:serviceCodes)");
            params.put("serviceCodes", query.serviceCodes());
        }
        if (query.requestedFrom() != null) {
            sql.append(" AND requested_at >= :from");
            params.put("from", toColumn(query.requestedFrom()));
        }
        if (query.requestedTo() != null) {
            sql.append(" AND requested_at < :to");
            params.put("to", toColumn(query.requestedTo()));
        }
        sql.append(" ORDER BY id");
        streaming().sql(sql.toString()).params(params).query((ResultSet rs) -> {
            each.accept(new PublishedRequest(map(rs, 0), rs.getString("area"), rs.getString("parent"),
                    instant(rs, "closed_at")));
        });
    }

    /**
     * A client whose queries stream their rows. MySQL Connector/J holds a whole result in memory unless the fetch
     * size is {@link Integer#MIN_VALUE} (row by row, with no setting needed in the JDBC URL); other databases take
     * a positive fetch size as the number of rows to hold at once.
     */
    private JdbcClient streaming() {
        JdbcClient client = streaming;
        if (client == null) {
            JdbcTemplate template = new JdbcTemplate(dataSource);
            template.setFetchSize(isMySql() ? Integer.MIN_VALUE : 1000);
            client = JdbcClient.create(template);
            streaming = client;
        }
        return client;
    }

    private boolean isMySql() {
        try {
            String driver = JdbcUtils.extractDatabaseMetaData(dataSource, meta -> meta.getDriverName());
            return driver != null && driver.startsWith("MySQL");
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Could not tell which database holds the requests", e);
        }
    }

    private static void between(StringBuilder sql, Map<String, Object> params, String column, Instant from, Instant to) {
        if (from != null) {
            sql.append(" AND ").append(column).append(" >= :").append(column).append("_from");
            params.put(column + "_from", toColumn(from));
        }
        if (to != null) {
            sql.append(" AND ").append(column).append(" <= :").append(column).append("_to");
            params.put(column + "_to", toColumn(to));
        }
    }

    private PublicRequest map(ResultSet rs, int row) throws SQLException {
        return new PublicRequest(
                rs.getLong("id"),
                rs.getString("tracking_number"),
                rs.getString("service_code"),
                rs.getString("service_name"),
                RequestStatus.valueOf(rs.getString("status")),
                rs.getString("status_notes"),
                rs.getString("description"),
                nullableDouble(rs, "lat"),
                nullableDouble(rs, "lon"),
                rs.getString("address"),
                rs.getString("address_id"),
                rs.getString("zipcode"),
                rs.getString("media_url"),
                rs.getString("channel"),
                rs.getString("agency_responsible"),
                rs.getString("service_notice"),
                instant(rs, "requested_at"),
                instant(rs, "updated_at"),
                instant(rs, "expected_at"),
                rs.getString("parent_tracking_number"));
    }
}
