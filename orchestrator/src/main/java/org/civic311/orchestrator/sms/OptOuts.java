package org.civic311.orchestrator.sms;

import static org.civic311.orchestrator.request.UtcColumns.toColumn;

import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The numbers that texted STOP (or a synonym): none of them is texted again until it texts START. Kept by Civic311
 * itself, not only by the provider, so a change of provider, number or Messaging Service cannot text a resident who
 * said stop.
 */
@Repository
public class OptOuts {

    private final JdbcClient db;
    private final Clock clock;

    OptOuts(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** @param number in E.164 */
    public boolean isOptedOut(String number) {
        return db.sql("SELECT COUNT(*) FROM sms_opt_out WHERE phone = :phone").param("phone", number)
                .query(Integer.class).single() > 0;
    }

    void optOut(String number) {
        try {
            db.sql("INSERT INTO sms_opt_out (phone, opted_out_at) VALUES (:phone, :now)")
                    .param("phone", number).param("now", toColumn(clock.instant())).update();
        } catch (DuplicateKeyException alreadyOptedOut) {
            // STOP twice is STOP once.
        }
    }

    void optIn(String number) {
        db.sql("DELETE FROM sms_opt_out WHERE phone = :phone").param("phone", number).update();
    }
}
