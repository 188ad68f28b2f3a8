package org.civic311.orchestrator.sms;

import static org.civic311.orchestrator.request.UtcColumns.toColumn;

import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Twilio webhooks already taken, by message SID and event (an inbound text, or one status of a sent message).
 * Twilio may deliver a webhook more than once, and a captured one may be replayed: the signature stays valid for
 * ever, so what stops a replay is that its message was already taken.
 */
@Repository
class SeenWebhooks {

    static final String INBOUND = "inbound";

    private final JdbcClient db;
    private final Clock clock;

    SeenWebhooks(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** True the first time a message's event is seen, false ever after. */
    boolean firstTime(String messageSid, String event) {
        try {
            db.sql("INSERT INTO sms_webhook_seen (message_sid, event, received_at) VALUES (:sid, :event, :now)")
                    .param("sid", messageSid).param("event", event).param("now", toColumn(clock.instant())).update();
            return true;
        } catch (DuplicateKeyException seenBefore) {
            return false;
        }
    }
}
