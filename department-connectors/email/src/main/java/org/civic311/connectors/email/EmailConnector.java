package org.civic311.connectors.email;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civic311.connectors.ConnectorRefusal;
import org.civic311.connectors.DepartmentConnector;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.PulledUpdates;
import org.civic311.connectors.UnreadableUpdate;
import org.civic311.connectors.WorkOrder;
import org.civic311.connectors.WorkUpdate;

/**
 * Departments that work from a shared mailbox: each work order goes out as one email, and the department's
 * reply to it comes back as an update. A reply that starts with DONE closes the request; any other reply
 * is a comment, kept for staff only.
 */
public class EmailConnector implements DepartmentConnector {

    static final String SYSTEM = "email";

    /** Replies read per poll at most; the rest come next poll. */
    static final int MAX_REPLIES_PER_POLL = 200;

    private static final Log log = LogFactory.getLog(EmailConnector.class);

    private final EmailConnectorProperties properties;

    private final ReplyTokens tokens;

    private final SmtpOutbox outbox;

    private final ReplyMailbox mailbox;

    private final ReplyReader reader;

    private final int maxRepliesPerPoll;

    private final SentCopies sent;

    /** Makes no call to the mail servers, which may be down at start. The settings were checked when they were bound. */
    public EmailConnector(EmailConnectorProperties properties) {
        this(properties, MAX_REPLIES_PER_POLL);
    }

    EmailConnector(EmailConnectorProperties properties, int maxRepliesPerPoll) {
        this.maxRepliesPerPoll = maxRepliesPerPoll;
        this.properties = properties;
        this.tokens = new ReplyTokens(properties.tokenSecret());
        this.outbox = new SmtpOutbox(properties);
        this.mailbox = new ReplyMailbox(properties.imap());
        this.sent = new SentCopies(properties.imap());
        this.reader = new ReplyReader(properties, tokens);
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    /**
     * Sends the work email, unless its copy is already filed in the reply mailbox's sent folder: a push repeated
     * after a restart or on another node sends nothing. Only a failure between sending and filing (logged) leaves a
     * later retry free to send a second copy, which carries the same token, so a reply to either reaches the task.
     * The task is known by the token without its signature ({@link ReplyToken#reference()}), which may be logged;
     * the signature stays in the mail.
     */
    @Override
    public ExternalRef push(WorkOrder order) {
        String department = order.department().toLowerCase(Locale.ROOT);
        EmailConnectorProperties.Department configured = properties.departments().get(department);
        if (configured == null) {
            throw new ConnectorRefusal("Department '" + order.department() + "' has no mailbox: add "
                    + EmailConnectorProperties.PREFIX + ".departments." + department + ".address");
        }
        ReplyToken token;
        try {
            token = tokens.issue(order.taskKey(), department);
        } catch (IllegalArgumentException e) {
            throw new ConnectorRefusal("Cannot reference task " + order.taskKey() + " in an email: " + e.getMessage(), e);
        }
        ExternalRef ref = new ExternalRef(SYSTEM, token.reference());
        if (sent.hold(token)) {
            log.info("Task " + order.taskKey() + " was already sent to " + configured.address() + "; not sending again");
            return ref;
        }
        MimeMessage mail = outbox.send(configured.address(), WorkOrderMail.of(order, token, properties.zone()), token);
        try {
            sent.keep(mail);
        } catch (MessagingException | RuntimeException e) {
            // The department has its work; only a later retry of this push could send it twice.
            log.warn("Sent task " + order.taskKey() + " but could not file its copy in the " + sent.where() + ": "
                    + e.getMessage());
        }
        log.info("Sent " + order.trackingNumber() + " (task " + order.taskKey() + ") to " + configured.address());
        return ref;
    }

    /**
     * The replies the reply mailbox received at or after {@code since}, oldest first and a bounded number of them.
     * {@link PulledUpdates#readUpTo()} says where the next poll starts, on the mail server's clock: where this one
     * stopped, or just before the newest reply. Nothing in the mailbox is marked, so every call whose window holds a
     * reply returns it again, under its Message-ID as the update id: the orchestrator applies it once, and moves
     * {@code since} on only after it has. A reply that cannot be read is reported as unreadable, with its task when
     * that much could be read.
     */
    @Override
    public PulledUpdates pullUpdates(Instant since) {
        ReplyMailbox.Replies replies = mailbox.receivedSince(since, maxRepliesPerPoll);
        List<WorkUpdate> updates = new ArrayList<>();
        List<UnreadableUpdate> unreadable = new ArrayList<>();
        for (MimeMessage message : replies.messages()) {
            try {
                reader.read(message).ifPresent(updates::add);
            } catch (Exception e) {
                // Not skipped: it may be a department's DONE. The orchestrator keeps it for staff.
                log.warn("A reply could not be read (" + e.getClass().getSimpleName() + "); reported as unreadable");
                unreadable.add(reader.unreadable(message, e));
            }
        }
        return new PulledUpdates(updates, unreadable, replies.readUpTo());
    }

    /**
     * A mailbox cannot take an email back: the department is told by a second email that the item is withdrawn. It
     * carries the reference without its signature, so no reply to it can close anything.
     */
    @Override
    public boolean cancel(ExternalRef item, String reason) {
        String reference = item.id();
        String department = reference.substring(reference.lastIndexOf('.') + 1);
        EmailConnectorProperties.Department configured = properties.departments().get(department);
        if (configured == null) {
            throw new ConnectorRefusal("Cannot cancel " + reference + ": department '" + department
                    + "' has no mailbox (" + EmailConnectorProperties.PREFIX + ".departments." + department + ".address)");
        }
        outbox.send(configured.address(), "Withdrawn, do not work on it: " + reference,
                "The work item " + reference + " sent to you earlier is withdrawn: please do not work on it.\n\n"
                        + (reason == null ? "" : reason.strip() + "\n"));
        log.info("Told " + configured.address() + " that " + reference + " is withdrawn");
        return true;
    }

    /** The department mail server takes a connection and the reply mailbox our login. */
    @Override
    public void checkConnection() {
        outbox.checkConnection();
        mailbox.checkLogin();
    }
}
