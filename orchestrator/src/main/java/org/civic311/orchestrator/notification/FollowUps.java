package org.civic311.orchestrator.notification;

import static org.civic311.orchestrator.request.UtcColumns.toColumn;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The "was it fixed?" questions and their answers, kept for reporting. */
@Repository
class FollowUps {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;

    FollowUps(JdbcClient db) {
        this.db = db;
    }

    /** The question of a request's round, asked now unless it was asked before. */
    FollowUp ask(long requestId, int round, Instant now) {
        return find(requestId, round).orElseGet(() -> {
            db.sql("""
                            INSERT INTO follow_up (request_id, round_no, token, asked_at)
                            VALUES (:request, :round, :token, :now)""")
                    .param("request", requestId).param("round", round).param("token", newToken())
                    .param("now", toColumn(now))
                    .update();
            return find(requestId, round).orElseThrow();
        });
    }

    Optional<FollowUp> find(long requestId, int round) {
        return db.sql("SELECT * FROM follow_up WHERE request_id = :request AND round_no = :round")
                .param("request", requestId).param("round", round).query(this::map).optional();
    }

    Optional<FollowUp> byToken(String token) {
        return db.sql("SELECT * FROM follow_up WHERE token = :token").param("token", token).query(this::map).optional();
    }

    /** The newest unanswered question to a resident who is texted, by their number. */
    Optional<FollowUp> openQuestionTo(String phone) {
        return db.sql("""
                        SELECT f.* FROM follow_up f JOIN service_request r ON r.id = f.request_id
                        WHERE r.phone = :phone AND f.answer IS NULL AND r.notify_by IN ('SMS', 'BOTH')
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
        return new FollowUp(rs.getLong("id"), rs.getLong("request_id"), rs.getInt("round_no"), rs.getString("token"),
                rs.getString("answer"), ratingOrNull);
    }

    /** @param answer YES, NO, or null while unanswered */
    record FollowUp(long id, long requestId, int round, String token, String answer, Integer rating) {
    }
}
