package org.civic311.orchestrator.request;

import static org.civic311.orchestrator.request.UtcColumns.toColumn;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' comments on their requests, posted by Open311 clients (FixMyStreet's servicerequestupdates).
 * Each is kept once: a client that sends the same comment again, after a timeout say, gets the same answer.
 */
@Service
public class ResidentComments {

    private final JdbcClient db;
    private final ServiceRequests requests;
    private final Clock clock;

    ResidentComments(JdbcClient db, ServiceRequests requests, Clock clock) {
        this.db = db;
        this.requests = requests;
        this.clock = clock;
    }

    /**
     * @param channel  the intake channel of the client that sent it
     * @param updateId the client's own id for the comment
     * @return the id of the note holding the comment, or empty when there is no such request
     * @throws RequestClosed when the request is closed and the comment was not taken before it closed
     */
    @Transactional
    public Optional<Long> add(String trackingNumber, String channel, String updateId, String text) {
        // The lock serialises comments on one request, so a retry racing its original cannot store it twice.
        Optional<Commented> request = db.sql(
                        "SELECT id, status FROM service_request WHERE tracking_number = :tn FOR UPDATE")
                .param("tn", trackingNumber)
                .query((rs, row) -> new Commented(rs.getLong("id"), RequestStatus.valueOf(rs.getString("status"))))
                .optional();
        if (request.isEmpty()) {
            return Optional.empty();
        }
        long requestId = request.get().id();
        Optional<Long> earlier = db.sql("""
                        SELECT note_id FROM client_update
                        WHERE request_id = :request AND channel = :channel AND update_id = :update""")
                .param("request", requestId).param("channel", channel).param("update", updateId)
                .query(Long.class).optional();
        if (earlier.isPresent()) {
            return earlier;
        }
        if (request.get().status() == RequestStatus.CLOSED) {
            throw new RequestClosed(trackingNumber);
        }
        Instant now = clock.instant();
        long noteId = requests.addComment(requestId, text, now);
        db.sql("""
                        INSERT INTO client_update (request_id, channel, update_id, note_id, received_at)
                        VALUES (:request, :channel, :update, :note, :now)""")
                .param("request", requestId).param("channel", channel).param("update", updateId)
                .param("note", noteId).param("now", toColumn(now))
                .update();
        return Optional.of(noteId);
    }

    private record Commented(long id, RequestStatus status) {
    }
}
