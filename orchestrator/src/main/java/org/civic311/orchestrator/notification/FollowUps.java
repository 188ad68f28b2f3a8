package org.civic311.orchestrator.notification;

import static org.civic311.orchestrator.request.UtcColumns.toColumn;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.civic311.orchestrator.request.UtcColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The "was it fixed?" questions: planned at closure, asked when they are due, and their answers, kept for reporting.
 * A question not yet asked is nobody's to answer: its token has not been sent.
 */
@Repository
class FollowUps {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;

    FollowUps(JdbcClient db) {
        this.db = db;
    }

    /** Plans the question of a request's round for {@code askAt}, unless it is planned already. */
    void plan(long requestId, int round, long departmentTaskId, Instant askAt) {
        if (find(requestId, round).isEmpty()) {
            db.sql("""
                            INSERT INTO follow_up (request_id, round_no, department_task_id, token, ask_at)
                            VALUES (:request, :round, :task, :token, :askAt)""")
                    .param("request", requestId).param("round", round).param("task", departmentTaskId)
                    .param("token", newToken()).param("askAt", toColumn(askAt))
                    .update();
        }
    }

    /** The questions not yet asked whose time has come, the longest due first. */
    List<FollowUp> due(Instant now, int most) {
        return db.sql("""
                        SELECT * FROM follow_up WHERE asked_at IS NULL AND ask_at <= :now
                        ORDER BY ask_at, id LIMIT :most""")
                .param("now", toColumn(now)).param("most", most).query(this::map).list();
    }

    /** @return false when another node asked it first */
    boolean asked(long id, Instant now) {
        return db.sql("UPDATE follow_up SET asked_at = :now WHERE id = :id AND asked_at IS NULL")
                .param("now", toColumn(now)).param("id", id).update() == 1;
    }

    Optional<FollowUp> find(long requestId, int round) {
        return db.sql("SELECT * FROM follow_up WHERE request_id = :request AND round_no = :round")
                .param("request", requestId).param("round", round).query(this::map).optional();
    }

    /** The question its token links to, once it was asked. */
    Optional<FollowUp> byToken(String token) {
        return db.sql("SELECT * FROM follow_up WHERE token = :token AND asked_at IS NOT NULL").param("token", token)
                .query(this::map).optional();
    }

    /** The newest unanswered question to a resident who is texted, by their number. */
    Optional<FollowUp> openQuestionTo(String phone) {
        return db.sql("""
                        SELECT f.* FROM follow_up f JOIN service_request r ON r.id = f.request_id
                        WHERE r.phone = :phone AND f.answer IS NULL AND f.asked_at IS NOT NULL
                          AND r.notify_by IN ('SMS', 'BOTH')
                        ORDER BY f.asked_at DESC, f.id DESC""")
                .param("phone", phone).query(this::map).list().stream().findFirst();
    }

    /** @return false when it was answered already (the first answer stands) */
    boolean answer(long id, boolean fixed, Integer rating, Channel by, Instant now) {
        return db.sql("""
                        UPDATE follow_up SET answer = :answer, rating = :rating, answered_by = :by, answered_at = :now
                        WHERE id = :id AND answer IS NULL""")
                .param("answer", fixed ? "YES" : "NO").param("rating", rating).param("by", by.name())
                .param("now", toColumn(now)).param("id", id)
                .update() == 1;
    }

    /** 32 random bytes: as hard to guess as a session key. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private FollowUp map(ResultSet rs, int row) throws SQLException {
        int rating = rs.getInt("rating");
        Integer ratingOrNull = rs.wasNull() ? null : rating;
        long task = rs.getLong("department_task_id");
        Long taskOrNull = rs.wasNull() ? null : task;
        return new FollowUp(rs.getLong("id"), rs.getLong("request_id"), rs.getInt("round_no"), taskOrNull,
                rs.getString("token"), UtcColumns.instant(rs, "asked_at"),
                rs.getString("answer"), ratingOrNull);
    }

    /**
     * @param departmentTaskId the task whose work it asks about
     * @param askedAt          null until it is asked
     * @param answer           YES, NO, or null while unanswered
     */
    record FollowUp(long id, long requestId, int round, Long departmentTaskId, String token, Instant askedAt,
                    String answer, Integer rating) {
    }
}
