package org.civic311.orchestrator.request;

import static org.civic311.orchestrator.request.UtcColumns.instant;
import static org.civic311.orchestrator.request.UtcColumns.toColumn;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The stored service requests. */
@Repository
public class ServiceRequests {

    private final JdbcClient db;

    ServiceRequests(JdbcClient db) {
        this.db = db;
    }

    /**
     * Stores a new open request and gives it its tracking number.
     *
     * @param area the service area its location lies in; null when it has none
     */
    public ServiceRequest add(NewServiceRequest request, String serviceName, String area, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        Resident resident = request.resident();
        String received = ColumnText.fit("Request received through " + request.channel() + ".", 1000);
        db.sql("""
                        INSERT INTO service_request (service_code, service_name, status, status_notes, description, lat,
                            lon, address, address_id, zipcode, media_url, email, first_name, last_name, phone, device_id,
                            account_id, channel, language, notify_by, area, requested_at, updated_at, request_cell)
                        VALUES (:serviceCode, :serviceName, :status, :notes, :description, :lat,
                            :lon, :address, :addressId, :zipcode, :mediaUrl, :email, :firstName, :lastName, :phone, :deviceId,
                            :accountId, :channel, :language, :notifyBy, :area, :now, :now, :cell)""")
                .param("serviceCode", request.serviceCode())
                .param("serviceName", serviceName)
                .param("status", RequestStatus.OPEN.name())
                .param("notes", received)
                .param("description", request.description())
                .param("lat", request.lat())
                .param("lon", request.lon())
                .param("address", request.address())
                .param("addressId", request.addressId())
                .param("zipcode", request.zipcode())
                .param("mediaUrl", request.mediaUrl())
                .param("email", resident.email())
                .param("firstName", resident.firstName())
                .param("lastName", resident.lastName())
                .param("phone", resident.phone())
                .param("deviceId", resident.deviceId())
                .param("accountId", resident.accountId())
                .param("channel", request.channel())
                .param("language", request.notices().language())
                .param("notifyBy", request.notices().notifyBy().name())
                .param("area", area)
                .param("now", toColumn(now))
                .param("cell", RequestCell.of(request.lat(), request.lon()))
                .update(key, "id");
        long id = key.getKey().longValue();
        String trackingNumber = TrackingNumber.of(id, now);
        db.sql("UPDATE service_request SET tracking_number = :tn WHERE id = :id")
                .param("tn", trackingNumber).param("id", id).update();
        addAnswers(id, request.attributes());
        insertNote(id, RequestNote.SUBMITTED, received, now);
        // What was just written, not read back: intake is a round trip per statement, on every report.
        return new ServiceRequest(id, trackingNumber, request.serviceCode(), serviceName, RequestStatus.OPEN, received,
                request.description(), request.lat(), request.lon(), request.address(), request.addressId(),
                request.zipcode(), request.mediaUrl(), resident, request.channel(), null, null, null, now, now, null,
                null, request.attributes(), area, null, request.notices());
    }

    /** Every answer in one statement: intake is a round trip per statement, on every report. */
    private void addAnswers(long id, Map<String, List<String>> answers) {
        List<String> rows = new ArrayList<>();
        Map<String, Object> params = new HashMap<>(Map.of("id", id));
        answers.forEach((code, values) -> values.forEach(value -> {
            int row = rows.size();
            rows.add("(:id, :code" + row + ", :value" + row + ")");
            params.put("code" + row, code);
            params.put("value" + row, value);
        }));
        if (!rows.isEmpty()) {
            db.sql("INSERT INTO request_attribute (request_id, code, attr_value) VALUES " + String.join(", ", rows))
                    .params(params).update();
        }
    }

    public Optional<ServiceRequest> find(String trackingNumber) {
        return withAnswers("r.tracking_number = :key", trackingNumber);
    }

    public ServiceRequest get(long id) {
        return withAnswers("r.id = :key", id)
                .orElseThrow(() -> new EmptyResultDataAccessException("No service request " + id, 1));
    }

    /**
     * One request and its answers in one round trip (a row per answer, or a single row when it has none): the request
     * is read several times on its way through the loop, and the two queries it took were a tenth of all statements.
     */
    private Optional<ServiceRequest> withAnswers(String where, Object key) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        List<ServiceRequest> found = new ArrayList<>(1);
        db.sql("SELECT r.*, a.code AS answer_code, a.attr_value AS answer_value FROM service_request r"
                        + " LEFT JOIN request_attribute a ON a.request_id = r.id WHERE " + where + " ORDER BY a.id")
                .param("key", key)
                .query((ResultSet rs) -> {
                    if (found.isEmpty()) {
                        found.add(map(rs, answers)); // the request keeps this map, filled as the rows come
                    }
                    String code = rs.getString("answer_code");
                    if (code != null) {
                        answers.computeIfAbsent(code, c -> new ArrayList<>()).add(rs.getString("answer_value"));
                    }
                });
        return found.stream().findFirst();
    }

    /** Records who does the work and by when, and what the resident is told to expect. */
    public void routed(long id, String department, String agencyResponsible, Instant expectedAt,
                       String serviceNotice, Instant now) {
        db.sql("""
                        UPDATE service_request SET department = :department, agency_responsible = :agency,
                            expected_at = :expected, service_notice = :notice, updated_at = :now WHERE id = :id""")
                .param("department", department)
                .param("agency", agencyResponsible)
                .param("expected", toColumn(expectedAt))
                .param("notice", serviceNotice)
                .param("now", toColumn(now))
                .param("id", id)
                .update();
    }

    /** Adds a step to the request's history; the newest step is also its Open311 {@code status_notes}. */
    public void addNote(long id, String type, String description, Instant now) {
        insertNote(id, type, description, now);
        db.sql("UPDATE service_request SET status_notes = :notes, updated_at = :now WHERE id = :id")
                .param("notes", ColumnText.fit(description, 1000)).param("now", toColumn(now)).param("id", id)
                .update();
    }

    /**
     * Keeps a remark for staff: it is stored on the request but is no step of its public history, and changes
     * neither its status notes nor the time it was last updated.
     */
    public void addStaffNote(long id, String author, String body, Instant now) {
        db.sql("INSERT INTO staff_note (request_id, author, body, created_at) VALUES (:id, :author, :body, :now)")
                .param("id", id).param("author", ColumnText.fit(author, 255)).param("body", ColumnText.fit(body, 4000))
                .param("now", toColumn(now))
                .update();
    }

    /** The request's staff notes, oldest first. */
    public List<StaffNote> staffNotes(long id) {
        return db.sql("SELECT author, body, created_at FROM staff_note WHERE request_id = :id ORDER BY id")
                .param("id", id)
                .query((rs, row) -> new StaffNote(rs.getString("author"), rs.getString("body"), instant(rs, "created_at")))
                .list();
    }

    /**
     * Adds a resident's comment to the request's history. It is no news from the city, so it changes neither
     * the status notes nor the time the request was last updated.
     *
     * @return the note's id
     */
    long addComment(long id, String text, Instant now) {
        return insertNote(id, RequestNote.COMMENT, text, now);
    }

    private long insertNote(long id, String type, String description, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("INSERT INTO request_note (request_id, note_type, description, created_at) VALUES (:id, :type, :d, :now)")
                .param("id", id).param("type", type).param("d", ColumnText.fit(description, 4000))
                .param("now", toColumn(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /**
     * Closes the request and, with the same words, its open duplicates: their status follows it. A closed request
     * leaves the grid of open requests.
     */
    public void close(long id, String statusNotes, Instant now) {
        closeOne(id, statusNotes, now);
        duplicatesOf(id).forEach(duplicate -> {
            if (get(duplicate).status() != RequestStatus.CLOSED) {
                closeOne(duplicate, statusNotes, now);
            }
        });
    }

    private void closeOne(long id, String statusNotes, Instant now) {
        addNote(id, RequestNote.CLOSED, statusNotes, now);
        db.sql("""
                        UPDATE service_request SET status = :status, closed_at = :now, request_cell = NULL
                        WHERE id = :id AND status <> :status""")
                .param("status", RequestStatus.CLOSED.name()).param("now", toColumn(now)).param("id", id)
                .update();
    }

    /** The requests linked to this one as its duplicates, oldest first; read through the index of the link. */
    public List<Long> duplicatesOf(long id) {
        return db.sql("SELECT id FROM service_request WHERE duplicate_of = :id ORDER BY id")
                .param("id", id).query(Long.class).list();
    }

    /**
     * Links the request to an earlier report of the same problem, which it follows from now on: it names the
     * parent's department and due date, and its own duplicates follow the parent too (links are one level deep).
     */
    public void linkTo(long id, long parentId, Instant now) {
        ServiceRequest parent = get(parentId);
        db.sql("UPDATE service_request SET duplicate_of = :parent WHERE duplicate_of = :id")
                .param("parent", parentId).param("id", id).update();
        db.sql("""
                        UPDATE service_request SET duplicate_of = :parent, department = :department,
                            agency_responsible = :agency, expected_at = :expected, service_notice = :notice
                        WHERE id = :id""")
                .param("parent", parentId)
                .param("department", parent.department())
                .param("agency", parent.agencyResponsible())
                .param("expected", toColumn(parent.expectedAt()))
                .param("notice", ColumnText.fit("This problem was reported already as " + parent.trackingNumber()
                        + ". The work is done under that request; you will hear when it is done.", 1000))
                .param("id", id)
                .update();
        addNote(id, RequestNote.ACTIVITY, "Joined to " + parent.trackingNumber()
                + ", an earlier report of the same problem. It is followed there.", now);
    }

    /** The request is no duplicate any more: it is routed and sent on its own next. */
    public void unlink(long id, Instant now) {
        ServiceRequest request = get(id);
        String parent = request.duplicateOf() == null ? "its earlier report" : get(request.duplicateOf()).trackingNumber();
        db.sql("""
                        UPDATE service_request SET duplicate_of = NULL, department = NULL, agency_responsible = NULL,
                            expected_at = NULL, service_notice = NULL WHERE id = :id""")
                .param("id", id).update();
        addNote(id, RequestNote.ACTIVITY, "Separated from " + parent + ": it is handled as a request of its own.", now);
    }

    /**
     * How the resident of the request wants to hear back. Requests taken in before residents could choose hear back
     * as they would by default today.
     */
    public NoticePreferences noticePreferences(long id) {
        return db.sql("SELECT language, notify_by FROM service_request WHERE id = :id").param("id", id)
                .query((rs, row) -> noticePreferences(rs)).single();
    }

    private static NoticePreferences noticePreferences(ResultSet rs) throws SQLException {
        String notifyBy = rs.getString("notify_by");
        return new NoticePreferences(rs.getString("language"), notifyBy == null ? null : NotifyBy.valueOf(notifyBy));
    }

    /** The request is open again, due anew, with a step in its public history saying why; its duplicates too. */
    public void reopen(long id, String statusNotes, Instant expectedAt, Instant now) {
        reopenOne(id, statusNotes, expectedAt, now);
        duplicatesOf(id).forEach(duplicate -> {
            if (get(duplicate).status() == RequestStatus.CLOSED) {
                reopenOne(duplicate, statusNotes, expectedAt, now);
            }
        });
    }

    private void reopenOne(long id, String statusNotes, Instant expectedAt, Instant now) {
        addNote(id, RequestNote.REOPENED, statusNotes, now);
        ServiceRequest request = get(id);
        db.sql("""
                        UPDATE service_request SET status = :status, closed_at = NULL, expected_at = :expected,
                            request_cell = :cell WHERE id = :id""")
                .param("status", RequestStatus.OPEN.name()).param("expected", toColumn(expectedAt))
                .param("cell", RequestCell.of(request.lat(), request.lon())).param("id", id)
                .update();
    }

    /** The words the request was closed with. */
    public Optional<String> closingNote(long id) {
        return db.sql("SELECT description FROM request_note WHERE request_id = :id AND note_type = :type ORDER BY id DESC")
                .param("id", id).param("type", RequestNote.CLOSED)
                .query(String.class).list().stream().findFirst();
    }

    /**
     * The requests made from {@code from} (inclusive) to {@code to} (exclusive), oldest first, with their answers
     * read in one query rather than one per request.
     */
    public List<ServiceRequest> requestedBetween(Instant from, Instant to) {
        Map<Long, Map<String, List<String>>> answers = new java.util.HashMap<>();
        db.sql("""
                        SELECT a.request_id, a.code, a.attr_value FROM request_attribute a
                        JOIN service_request r ON r.id = a.request_id
                        WHERE r.requested_at >= :from AND r.requested_at < :to ORDER BY a.id""")
                .param("from", toColumn(from)).param("to", toColumn(to))
                .query((ResultSet rs) -> {
                    answers.computeIfAbsent(rs.getLong("request_id"), id -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString("code"), c -> new ArrayList<>()).add(rs.getString("attr_value"));
                });
        return db.sql("SELECT * FROM service_request WHERE requested_at >= :from AND requested_at < :to ORDER BY id")
                .param("from", toColumn(from)).param("to", toColumn(to))
                .query((rs, row) -> map(rs, answers.getOrDefault(rs.getLong("id"), Map.of()))).list();
    }

    private ServiceRequest map(ResultSet rs, Map<String, List<String>> attributes) throws SQLException {
        long id = rs.getLong("id");
        return new ServiceRequest(
                id,
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
                new Resident(rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
                        rs.getString("phone"), rs.getString("device_id"), rs.getString("account_id")),
                rs.getString("channel"),
                rs.getString("department"),
                rs.getString("agency_responsible"),
                rs.getString("service_notice"),
                instant(rs, "requested_at"),
                instant(rs, "updated_at"),
                instant(rs, "expected_at"),
                instant(rs, "closed_at"),
                attributes,
                rs.getString("area"),
                nullableLong(rs, "duplicate_of"),
                noticePreferences(rs));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

}
