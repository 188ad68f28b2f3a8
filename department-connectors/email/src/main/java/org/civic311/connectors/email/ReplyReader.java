package org.civic311.connectors.email;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civic311.connectors.Digest;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.Redaction;
import org.civic311.connectors.UnreadableUpdate;
import org.civic311.connectors.WorkUpdate;

/**
 * Turns one message from the reply mailbox into a department's update, or into nothing when it is not a
 * trustworthy answer from that department. Ignored mail is logged, never thrown: one stray message must not
 * hold up everyone else's replies.
 */
final class ReplyReader {

    private static final Log log = LogFactory.getLog(ReplyReader.class);

    private static final String HASHED = "sha256:";

    private final EmailConnectorProperties properties;

    private final ReplyTokens tokens;

    ReplyReader(EmailConnectorProperties properties, ReplyTokens tokens) {
        this.properties = properties;
        this.tokens = tokens;
    }

    Optional<WorkUpdate> read(MimeMessage message) throws MessagingException, IOException {
        String described = describe(message);
        Optional<String> automatic = AutomaticMail.why(message);
        if (automatic.isPresent()) {
            log.info("Ignoring automatic mail (" + automatic.get() + "): " + described);
            return Optional.empty();
        }
        String body = MessageText.of(message);
        Optional<ReplyToken> token = genuineToken(message, body);
        if (token.isEmpty()) {
            log.warn("Ignoring mail without a genuine Civic311 reference: " + described);
            return Optional.empty();
        }
        String department = token.get().department();
        EmailConnectorProperties.Department configured = properties.departments().get(department);
        if (configured == null) {
            log.warn("Ignoring reply for department '" + department + "', which is not configured for email: "
                    + described);
            return Optional.empty();
        }
        String sender = sender(message);
        if (!configured.acceptsRepliesFrom(sender)) {
            log.warn("Ignoring reply from someone who may not answer for department '" + department + "': "
                    + described);
            return Optional.empty();
        }
        ReplyText reply = ReplyText.of(body);
        return Optional.of(new WorkUpdate(new ExternalRef(EmailConnector.SYSTEM, token.get().reference()),
                updateId(message), reply.status(), reply.note(), at(message)));
    }

    /**
     * What can be said of a message {@link #read} failed on: its id, its task when a genuine reference is in its
     * headers, and what went wrong (without anyone's address or number).
     */
    UnreadableUpdate unreadable(MimeMessage message, Exception failure) {
        String id;
        try {
            id = updateId(message);
        } catch (MessagingException | RuntimeException e) {
            id = HASHED + Digest.sha256Hex("unreadable\n" + message.getMessageNumber() + "\n" + failure);
        }
        ExternalRef ref = null;
        try {
            ref = genuineToken(message, "")
                    .map(token -> new ExternalRef(EmailConnector.SYSTEM, token.reference())).orElse(null);
        } catch (MessagingException | RuntimeException e) {
            // headers unreadable too: no task to name
        }
        Instant at;
        try {
            at = at(message);
        } catch (MessagingException | RuntimeException e) {
            at = Instant.now();
        }
        String reason = "The reply could not be read: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : " (" + Redaction.forPublic(failure.getMessage()) + ")");
        return new UnreadableUpdate(id, ref, reason, at);
    }

    /** Strongest place first: the headers a mail client sets itself, then what a person could have edited. */
    private Optional<ReplyToken> genuineToken(MimeMessage message, String body) throws MessagingException {
        List<ReplyToken> candidates = new ArrayList<>();
        candidates.addAll(ReplyToken.find(header(message, "In-Reply-To")));
        candidates.addAll(ReplyToken.find(header(message, "References")));
        candidates.addAll(ReplyToken.find(message.getSubject()));
        candidates.addAll(ReplyToken.find(body));
        candidates = candidates.stream().distinct().toList();
        Optional<ReplyToken> genuine = candidates.stream().filter(tokens::isGenuine).findFirst();
        if (genuine.isEmpty() && !candidates.isEmpty()) {
            // How many, not which: a mangled genuine token is one character away from a working one.
            log.warn("Mail carries " + candidates.size()
                    + " Civic311 reference(s) with a wrong signature (forged or mangled)");
        }
        return genuine;
    }

    private static String sender(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length != 1 || !(from[0] instanceof InternetAddress address)) {
            return null; // several authors, or none: nobody in particular to trust
        }
        return address.getAddress();
    }

    /** The Message-ID; without one, a digest of what identifies the message, so a re-read gives the same id. */
    private static String updateId(MimeMessage message) throws MessagingException {
        String messageId = message.getMessageID();
        if (messageId != null && !messageId.isBlank()) {
            return messageId.strip();
        }
        return HASHED + Digest.sha256Hex(
                header(message, "From") + "\n" + header(message, "Date") + "\n" + message.getSubject());
    }

    private static Instant at(MimeMessage message) throws MessagingException {
        Date sent = message.getSentDate();
        if (sent != null) {
            return sent.toInstant();
        }
        Date received = message.getReceivedDate();
        return received != null ? received.toInstant() : Instant.now();
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        return message.getHeader(name, " ");
    }

    /** Enough to find the message in the mailbox: no subject, name or address (the sender's domain at most). */
    private static String describe(MimeMessage message) {
        String domain;
        try {
            String sender = sender(message);
            domain = sender == null || sender.indexOf('@') < 0 ? "no single sender"
                    : "a sender at " + sender.substring(sender.lastIndexOf('@') + 1);
        } catch (MessagingException | RuntimeException e) {
            domain = "an unreadable sender";
        }
        String messageId;
        try {
            // A reply's Message-ID may carry the signed reference: it must never reach a log.
            messageId = Redaction.withoutReferences(message.getMessageID());
        } catch (MessagingException e) {
            messageId = null;
        }
        return "mail from " + domain + " (" + (messageId == null ? "no Message-ID" : messageId) + ")";
    }
}
