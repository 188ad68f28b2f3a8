package org.civic311.orchestrator.notification;

import static org.civic311.orchestrator.request.UtcColumns.instant;
import static org.civic311.orchestrator.request.UtcColumns.toColumn;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civic311.orchestrator.request.ColumnText;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored notices: an outbox. A notice is written with its event, in the event's transaction, and sent after;
 * a node takes one to send by a conditional update, so in a cluster each is sent by one node.
 */
@Repository
class Notices {

    private final JdbcClient db;

    Notices(JdbcClient db) {
        this.db = db;
    }

    /**
     * The occurrences of {@code event} the request's resident was told of, first to last (a follower's copies are
     * not counted apart).
     */
    List<String> occurrences(long requestId, String event) {
        return db.sql("""
                        SELECT event_key FROM notification WHERE request_id = :request AND event_key LIKE :prefix
                            AND event_key NOT LIKE '%@follower-%'
                        GROUP BY event_key ORDER BY MIN(id)""")
                .param("request", requestId).param("prefix", event + "#%")
                .query((rs, row) -> rs.getString(1).substring(event.length() + 1)).list();
    }

    /**
     * A notice ready to send at once, or one that cannot be sent ({@code status} FAILED or UNSENDABLE, and why); once
     * per request, event and channel (the table's unique key): an event reported again after it was told stores
     * nothing. Stored without a look first, which would cost every notice a round trip for the rare repeat.
     */
    void add(long requestId, String event, String eventKey, Channel channel, String language, String recipient,
             String subject, String text, String html, NoticeStatus status, String error, Instant now) {
        try {
            db.sql("""
                        INSERT INTO notification (request_id, kind, event_key, channel, language, recipient, subject,
                            body_text, body_html, status, attempts, last_error, created_at, next_attempt_at)
                        VALUES (:request, :kind, :key, :channel, :language, :recipient, :subject, :text, :html,
                            :status, 0, :error, :now, :now)""")
                    .param("request", requestId).param("kind", event).param("key", eventKey)
                    .param("channel", channel.name()).param("language", language).param("recipient", recipient)
                    .param("subject", ColumnText.fit(subject, 500)).param("text", text).param("html", html)
                    .param("status", status.name()).param("error", ColumnText.fit(error, 1000))
                    .param("now", toColumn(now))
                    .update();
        } catch (DuplicateKeyException alreadyTold) {
            // the resident hears of it once
        }
    }

    /** The ids of notices due now (new ones, ones whose retry is due, ones a dead node held), oldest first. */
    List<Long> due(Instant now, int limit) {
        return db.sql("""
                        SELECT id FROM notification WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= :now
                        ORDER BY next_attempt_at, id LIMIT :limit""")
                .param("now", toColumn(now)).param("limit", limit)
                .query(Long.class).list();
    }

    /** Takes a due notice for this node until {@code leaseEnd}; empty when another node took it first. */
    Optional<StoredNotice> claim(long id, Instant now, Instant leaseEnd) {
        int taken = db.sql("""
                        UPDATE notification SET status = 'SENDING', next_attempt_at = :leaseEnd
                        WHERE id = :id AND status IN ('PENDING', 'SENDING') AND next_attempt_at <= :now""")
                .param("leaseEnd", toColumn(leaseEnd)).param("id", id).param("now", toColumn(now))
                .update();
        return taken == 1 ? Optional.of(get(id)) : Optional.empty();
    }

    /**
     * Takes these due notices for this node until {@code leaseEnd}, in one transaction: one commit for a round, not
     * one per notice. Those another node took first are left out.
     */
    @Transactional
    public List<StoredNotice> claimAll(List<Long> ids, Instant now, Instant leaseEnd) {
        List<StoredNotice> claimed = new ArrayList<>();
        for (long id : ids) {
            claim(id, now, leaseEnd).ifPresent(claimed::add);
        }
        return claimed;
    }

    StoredNotice get(long id) {
        return db.sql("SELECT * FROM notification WHERE id = :id").param("id", id).query(this::map).single();
    }

    void sent(long id, String providerId, Instant now) {
        db.sql("""
                        UPDATE notification SET status = 'SENT', attempts = attempts + 1, provider_id = :provider,
                            sent_at = :now, last_error = NULL, next_attempt_at = NULL WHERE id = :id""")
                .param("provider", providerId).param("now", toColumn(now)).param("id", id)
                .update();
    }

    /** Records a round's sent notices in one transaction: provider's message id by notice id. */
    @Transactional
    public void sentAll(Map<Long, String> providerIds, Instant now) {
        providerIds.forEach((id, providerId) -> sent(id, providerId, now));
    }

    void retryLater(long id, String error, Instant next) {
        db.sql("""
                        UPDATE notification SET status = 'PENDING', attempts = attempts + 1, last_error = :error,
                            next_attempt_at = :next WHERE id = :id""")
                .param("error", ColumnText.fit(error, 1000)).param("next", toColumn(next)).param("id", id)
                .update();
    }

    void failed(long id, NoticeStatus status, String error, boolean attempted) {
        db.sql("""
                        UPDATE notification SET status = :status, attempts = attempts + :attempt, last_error = :error,
                            next_attempt_at = NULL WHERE id = :id""")
                .param("status", status.name()).param("attempt", attempted ? 1 : 0)
                .param("error", ColumnText.fit(error, 1000)).param("id", id)
                .update();
    }

    /** What the provider reported; a message it could not deliver is a failed notice staff see. */
    void delivery(String providerId, String status, String error) {
        db.sql("""
                        UPDATE notification SET delivery_status = :status,
                            status = CASE WHEN :failed THEN 'FAILED' ELSE status END,
                            last_error = CASE WHEN :failed THEN :error ELSE last_error END
                        WHERE provider_id = :provider AND channel = 'SMS'""")
                .param("status", ColumnText.fit(status, 32))
                .param("failed", "failed".equalsIgnoreCase(status) || "undelivered".equalsIgnoreCase(status))
                .param("error", ColumnText.fit("The provider could not deliver it (error " + error + ").", 1000))
                .param("provider", providerId)
                .update();
    }

    List<NoticeRecord> ofRequest(long requestId) {
        return db.sql("SELECT * FROM notification WHERE request_id = :request ORDER BY id")
                .param("request", requestId)
                .query((rs, row) -> new NoticeRecord(rs.getLong("id"), rs.getString("kind"),
                        rs.getString("channel"), rs.getString("language"), rs.getString("status"),
                        rs.getInt("attempts"), rs.getString("provider_id"), rs.getString("delivery_status"),
                        rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "sent_at")))
                .list();
    }

    private StoredNotice map(ResultSet rs, int row) throws SQLException {
        return new StoredNotice(rs.getLong("id"), rs.getLong("request_id"), rs.getString("kind"),
                rs.getString("event_key"), Channel.valueOf(rs.getString("channel")), rs.getString("language"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"),
                rs.getString("body_html"), NoticeStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs, "created_at"));
    }
}
