package org.civic311.orchestrator.request;

import static org.civic311.orchestrator.request.UtcColumns.toColumn;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The residents who follow requests; found by the index of their request's foreign key. */
@Repository
public class Followers {

    private final JdbcClient db;

    Followers(JdbcClient db) {
        this.db = db;
    }

    /**
     * Adds a follower, once: the same address or number following the same request again changes nothing.
     *
     * @param channel the intake channel of the client that sent the follow
     */
    public void add(long requestId, String email, String phone, NoticePreferences notices, String channel,
                    Instant now) {
        boolean following = db.sql("""
                        SELECT COUNT(*) FROM request_follower WHERE request_id = :id
                            AND (email = :email OR phone = :phone)""")
                .param("id", requestId).param("email", email).param("phone", phone)
                .query(Long.class).single() > 0;
        if (following) {
            return;
        }
        db.sql("""
                        INSERT INTO request_follower (request_id, email, phone, language, notify_by, channel, created_at)
                        VALUES (:id, :email, :phone, :language, :notifyBy, :channel, :now)""")
                .param("id", requestId).param("email", email).param("phone", phone)
                .param("language", notices.language()).param("notifyBy", notices.notifyBy().name())
                .param("channel", channel).param("now", toColumn(now))
                .update();
    }

    public List<Follower> of(long requestId) {
        return db.sql("SELECT * FROM request_follower WHERE request_id = :id ORDER BY id")
                .param("id", requestId)
                .query((rs, row) -> new Follower(rs.getLong("id"), rs.getLong("request_id"), rs.getString("email"),
                        rs.getString("phone"), rs.getString("language"), NotifyBy.valueOf(rs.getString("notify_by"))))
                .list();
    }
}
