package org.civic311.orchestrator.request;

import static org.civic311.orchestrator.request.UtcColumns.toColumn;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The submission keys clients gave in the last {@code civic311.open311.idempotency-key-lifetime}. A key is
 * claimed in the transaction that stores its request: a second submission with the same key, even one racing
 * the first, waits on the unique key and then finds the first one's request.
 */
@Repository
class SubmissionKeys {

    private final JdbcClient db;
    private final Duration lifetime;

    SubmissionKeys(JdbcClient db, @Value("${civic311.open311.idempotency-key-lifetime:24h}") Duration lifetime) {
        this.db = db;
        this.lifetime = lifetime;
    }

    /**
     * @return empty when the key is now this submission's; otherwise the id of the request made with it before
     * @throws SubmissionKeyReused when the key was used for another submission
     */
    Optional<Long> claim(SubmissionKey key, Instant now) {
        // The client's expired keys go, this one among them if it has expired.
        db.sql("DELETE FROM submission_key WHERE client_key = :client AND created_at < :expired")
                .param("client", key.client()).param("expired", toColumn(now.minus(lifetime))).update();
        try {
            db.sql("""
                            INSERT INTO submission_key (client_key, idempotency_key, fingerprint, created_at)
                            VALUES (:client, :key, :fingerprint, :now)""")
                    .param("client", key.client()).param("key", key.key()).param("fingerprint", key.fingerprint())
                    .param("now", toColumn(now))
                    .update();
            return Optional.empty();
        } catch (DuplicateKeyException claimedBefore) {
            return Optional.of(db.sql("""
                            SELECT fingerprint, request_id FROM submission_key
                            WHERE client_key = :client AND idempotency_key = :key""")
                    .param("client", key.client()).param("key", key.key())
                    .query((rs, row) -> {
                        if (!rs.getString("fingerprint").equals(key.fingerprint())) {
                            throw new SubmissionKeyReused(key.key());
                        }
                        return rs.getLong("request_id");
                    })
                    .single());
        }
    }

    void settle(SubmissionKey key, long requestId) {
        db.sql("UPDATE submission_key SET request_id = :request WHERE client_key = :client AND idempotency_key = :key")
                .param("request", requestId).param("client", key.client()).param("key", key.key())
                .update();
    }
}
