package org.civic311.orchestrator.notification;

import static org.civic311.orchestrator.request.UtcColumns.toColumn;

import java.time.Clock;

import org.civic311.orchestrator.request.ServiceRequest;
import org.civic311.orchestrator.request.ServiceRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Tells the resident their request is closed. Once per request: the notification row is written before the
 * mail is sent, in the engine job's transaction, so a failed send rolls it back and the retry sends again,
 * and a request already notified is not notified again (only a commit that fails after a successful send
 * makes the retry send a second copy).
 */
@Service
public class ResidentNotifier {

    private static final Logger log = LoggerFactory.getLogger(ResidentNotifier.class);
    private static final String CLOSURE = "CLOSURE";

    private final JavaMailSender mail;
    private final ServiceRequests requests;
    private final JdbcClient db;
    private final NotificationProperties properties;
    private final Clock clock;

    ResidentNotifier(JavaMailSender mail, ServiceRequests requests, JdbcClient db, NotificationProperties properties, Clock clock) {
        this.mail = mail;
        this.requests = requests;
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    /** @throws MailException when the mail server refuses; the engine retries */
    public void closureNotice(ServiceRequest request) {
        String email = request.resident().email();
        if (email == null || email.isBlank()) {
            log.info("{} closed; the resident left no email address", request.trackingNumber());
            return;
        }
        if (alreadySent(request.id())) {
            return;
        }
        ClosureNotice notice = new ClosureNotice(request, requests.closingNote(request.id()).orElse(null),
                properties.cityName());
        db.sql("""
                        INSERT INTO notification (request_id, kind, channel, recipient, subject, sent_at)
                        VALUES (:request, :kind, 'EMAIL', :to, :subject, :now)""")
                .param("request", request.id()).param("kind", CLOSURE).param("to", email)
                .param("subject", notice.subject()).param("now", toColumn(clock.instant()))
                .update();
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(email);
        message.setSubject(notice.subject());
        message.setText(notice.body());
        mail.send(message);
    }

    private boolean alreadySent(long requestId) {
        return db.sql("SELECT COUNT(*) FROM notification WHERE request_id = :id AND kind = :kind")
                .param("id", requestId).param("kind", CLOSURE).query(Integer.class).single() > 0;
    }
}
