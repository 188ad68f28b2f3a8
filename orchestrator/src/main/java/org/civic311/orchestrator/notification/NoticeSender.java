package org.civic311.orchestrator.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.civic311.connectors.Redaction;
import org.civic311.orchestrator.sms.SmsDelivery;
import org.civic311.orchestrator.sms.SmsRefused;
import org.civic311.orchestrator.sms.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sends the stored notices that are due, every {@code civic311.notifications.send-interval} on every node: emails
 * as text and HTML through the residents' mail server, texts through the {@link SmsSender}. A failure is tried again
 * after the next of {@code retry-delays} for {@code give-up-after} (a long weekend); a permanent refusal or the last
 * failure leaves the notice FAILED for staff to see. Logs name the notice and its request, never the address or number.
 */
@Component
class NoticeSender implements SchedulingConfigurer {

    static final String NO_SMS_PROVIDER = "No SMS provider is set up: the text cannot be sent.";
    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);
    private static final int BATCH = 100;

    private final Notices notices;
    private final JavaMailSender mail;
    private final ObjectProvider<SmsSender> sms;
    private final NotificationProperties settings;
    private final NoticeFailureMeter failures;
    private final Clock clock;

    NoticeSender(Notices notices, JavaMailSender mail, ObjectProvider<SmsSender> sms, NotificationProperties settings,
                 NoticeFailureMeter failures, Clock clock) {
        this.notices = notices;
        this.mail = mail;
        this.sms = sms;
        this.settings = settings;
        this.failures = failures;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sendDue, settings.sendInterval());
    }

    /** Sends what is due now: the emails of a round over one connection to the mail server. */
    void sendDue() {
        Instant now = clock.instant();
        List<Long> due = notices.due(now, BATCH);
        if (due.isEmpty()) {
            return;
        }
        List<StoredNotice> emails = new ArrayList<>();
        for (StoredNotice notice : notices.claimAll(due, now, now.plus(settings.sendLease()))) {
            if (notice.channel() == Channel.EMAIL) {
                emails.add(notice);
            } else {
                text(notice);
            }
        }
        email(emails);
    }

    /**
     * One connection for the whole batch: opening one per email (a TLS handshake and a login each) made the outbox
     * the slowest step of a busy day. Each email still succeeds or fails on its own.
     */
    private void email(List<StoredNotice> batch) {
        Map<MimeMessage, StoredNotice> messages = new LinkedHashMap<>();
        for (StoredNotice notice : batch) {
            try {
                messages.put(message(notice), notice);
            } catch (RuntimeException e) {
                failed(notice, e);
            }
        }
        if (messages.isEmpty()) {
            return;
        }
        Map<Object, Exception> unsent = Map.of();
        try {
            mail.send(messages.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            unsent = e.getFailedMessages();
            if (unsent.isEmpty()) {
                unsent = everyOne(messages, e);
            }
        } catch (RuntimeException e) {
            unsent = everyOne(messages, e);
        }
        Map<Long, String> delivered = new LinkedHashMap<>();
        Map<StoredNotice, Exception> refused = new LinkedHashMap<>();
        for (Map.Entry<MimeMessage, StoredNotice> sent : messages.entrySet()) {
            Exception failure = unsent.get(sent.getKey());
            if (failure == null) {
                delivered.put(sent.getValue().id(), messageId(sent.getKey()));
            } else {
                refused.put(sent.getValue(), failure);
            }
        }
        // What went out is recorded first: a failure to record a refusal must not send the delivered ones again.
        notices.sentAll(delivered, clock.instant());
        refused.forEach(this::failed);
    }

    private static Map<Object, Exception> everyOne(Map<MimeMessage, StoredNotice> messages, Exception e) {
        Map<Object, Exception> all = new HashMap<>();
        messages.keySet().forEach(message -> all.put(message, e));
        return all;
    }

    private void text(StoredNotice notice) {
        try {
            SmsSender sender = sms.getIfAvailable();
            if (sender == null) {
                throw new SmsUnavailable();
            }
            notices.sent(notice.id(), sender.send(notice.recipient(), notice.text()), clock.instant());
        } catch (SmsRefused e) {
            failures.failed(notice.channel(), NoticeFailureMeter.Outcome.REFUSED);
            log.warn("The SMS provider refused {} of request {} for good (error {})", notice.describe(),
                    notice.requestId(), e.code());
            notices.failed(notice.id(), NoticeStatus.FAILED,
                    "Refused by the SMS provider (error " + e.code() + "): " + e.getMessage(), true);
        } catch (SmsUnavailable e) {
            failures.failed(notice.channel(), NoticeFailureMeter.Outcome.UNSENDABLE);
            notices.failed(notice.id(), NoticeStatus.UNSENDABLE, NO_SMS_PROVIDER, false);
        } catch (RuntimeException e) {
            failed(notice, e);
        }
    }

    /** Tried again after the next retry delay, or FAILED for staff once the give-up time has passed. */
    private void failed(StoredNotice notice, Exception e) {
        int tries = notice.attempts() + 1;
        List<Duration> delays = settings.retryDelays();
        Duration delay = delays.get(Math.min(tries, delays.size()) - 1);
        Instant now = clock.instant();
        // The message of a mail error may quote the address: the log gets the kind of failure only.
        if (now.isAfter(notice.createdAt().plus(settings.giveUpAfter()))) {
            failures.failed(notice.channel(), NoticeFailureMeter.Outcome.GAVE_UP);
            log.error("Giving up on {} of request {} after {} tries ({})", notice.describe(), notice.requestId(),
                    tries, e.getClass().getSimpleName());
            notices.failed(notice.id(), NoticeStatus.FAILED, staffReadable(e), true);
        } else {
            failures.failed(notice.channel(), NoticeFailureMeter.Outcome.RETRYING);
            log.warn("Could not send {} of request {} ({}); trying again in {}", notice.describe(),
                    notice.requestId(), e.getClass().getSimpleName(), delay);
            notices.retryLater(notice.id(), staffReadable(e), now.plus(delay));
        }
    }

    private MimeMessage message(StoredNotice notice) {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper parts = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    "UTF-8");
            parts.setFrom(settings.from());
            parts.setTo(notice.recipient());
            parts.setSubject(notice.subject());
            parts.setText(notice.text(), notice.html());
        } catch (MessagingException e) {
            throw new IllegalStateException("The message could not be put together", e);
        }
        return message;
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }

    /** A delivery report: a text the provider could not deliver becomes a failed notice. */
    @EventListener
    void on(SmsDelivery delivery) {
        notices.delivery(delivery.messageId(), delivery.status(), delivery.errorCode());
        if ("failed".equalsIgnoreCase(delivery.status()) || "undelivered".equalsIgnoreCase(delivery.status())) {
            failures.failed(Channel.SMS, NoticeFailureMeter.Outcome.UNDELIVERED);
        }
    }

    private static final class SmsUnavailable extends RuntimeException {
    }

    /** A mail server's refusal often quotes the address: staff read the failure without it (or a phone number). */
    private static String staffReadable(Exception e) {
        return Redaction.forPublic(String.valueOf(e.getMessage()));
    }
}
