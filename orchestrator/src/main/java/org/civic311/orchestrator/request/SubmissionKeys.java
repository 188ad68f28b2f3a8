package org.civic311.orchestrator.request;

import static org.civic311.orchestrator.request.UtcColumns.toColumn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The submission keys clients gave in the last {@code civic311.open311.idempotency-key-lifetime}. A key is
 * claimed in the transaction that stores its request: a second submission with the same key, even one racing
 * the first, waits on the unique key and then finds the first one's request. Expired keys are deleted apart,
 * every hour, so that intake only ever locks the one key it claims.
 */
@Repository
class SubmissionKeys {

    private final JdbcClient db;
    private final Duration lifetime;
    private final Clock clock;

    SubmissionKeys(JdbcClient db, SubmissionKeyProperties settings, Clock clock) {
        this.db = db;
        this.lifetime = settings.idempotencyKeyLifetime();
        this.clock = clock;
    }

    /**
     * @return empty when the key is now this submission's; otherwise the id of the request made with it before
     * @throws SubmissionKeyReused when the key was used for another submission
     */
    Optional<Long> claim(SubmissionKey key, Instant now) {
        if (inserted(key, now)) {
            return Optional.empty();
        }
        Claimed earlier = earlier(key, now);
        // An expired key is free again, whether or not the hourly clean-up has come by yet. Read first, so that
        // concurrent retries of a live key only ever read it, and never lock it against each other.
        if (earlier.expired()) {
            db.sql("DELETE FROM submission_key WHERE client_key = :client AND idempotency_key = :key")
                    .param("client", key.client()).param("key", key.key()).update();
            if (inserted(key, now)) {
                return Optional.empty();
            }
            earlier = earlier(key, now);
        }
        if (!earlier.fingerprint().equals(key.fingerprint())) {
            throw new SubmissionKeyReused(key.key());
        }
        return Optional.of(earlier.requestId());
    }

    private Claimed earlier(SubmissionKey key, Instant now) {
        return db.sql("""
                        SELECT fingerprint, request_id, created_at < :expired AS expired FROM submission_key
                        WHERE client_key = :client AND idempotency_key = :key""")
                .param("expired", toColumn(now.minus(lifetime)))
                .param("client", key.client()).param("key", key.key())
                .query((rs, row) -> new Claimed(rs.getString("fingerprint"), rs.getLong("request_id"),
                        rs.getBoolean("expired")))
                .single();
    }

    private record Claimed(String fingerprint, long requestId, boolean expired) {
    }

    private boolean inserted(SubmissionKey key, Instant now) {
        try {
            db.sql("""
                            INSERT INTO submission_key (client_key, idempotency_key, fingerprint, created_at)
                            VALUES (:client, :key, :fingerprint, :now)""")
                    .param("client", key.client()).param("key", key.key()).param("fingerprint", key.fingerprint())
                    .param("now", toColumn(now))
                    .update();
            return true;
        } catch (DuplicateKeyException claimedBefore) {
            return false;
        }
    }

    void settle(SubmissionKey key, long requestId) {
        db.sql("UPDATE submission_key SET request_id = :request WHERE client_key = :client AND idempotency_key = :key")
                .param("request", requestId).param("client", key.client()).param("key", key.key())
                .update();
    }

    /**
     * Deletes every client's expired keys, also those of a client that stopped sending. Each node may run it: the
     * statement is its own transaction, and a key deleted twice is deleted once.
     */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    void deleteExpired() {
        deleteExpired(clock.instant());
    }

    int deleteExpired(Instant now) {
        return db.sql("DELETE FROM submission_key WHERE created_at < :expired")
                .param("expired", toColumn(now.minus(lifetime))).update();
    }
}
