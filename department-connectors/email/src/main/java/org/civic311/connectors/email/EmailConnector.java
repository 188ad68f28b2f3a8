package org.civic311.connectors.email;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civic311.connectors.ConnectorException;
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
        this.reader = new ReplyReader(properties, tokens);
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    /**
     * Sends the work email. Email cannot be searched for what an earlier attempt sent, so a retry after a
     * send that did succeed sends a second copy. Both copies carry the same token (it is derived from the
     * task key alone), so a reply to either one reaches the same task. The task is known by the token without its
     * signature ({@link ReplyToken#reference()}), which may be logged; the signature stays in the mail.
     */
    @Override
    public ExternalRef push(WorkOrder order) {
        String department = order.department().toLowerCase(Locale.ROOT);
        EmailConnectorProperties.Department configured = properties.departments().get(department);
        if (configured == null) {
            throw new ConnectorException("Department '" + order.department() + "' has no mailbox: add "
                    + EmailConnectorProperties.PREFIX + ".departments." + department + ".address");
        }
        ReplyToken token;
        try {
            token = tokens.issue(order.taskKey(), department);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException("Cannot reference task " + order.taskKey() + " in an email: " + e.getMessage(), e);
        }
        outbox.send(configured.address(), WorkOrderMail.of(order, token, properties.zone()), token);
        log.info("Sent " + order.trackingNumber() + " (task " + order.taskKey() + ") to " + configured.address());
        return new ExternalRef(SYSTEM, token.reference());
    }

    /**
     * The replies the reply mailbox received at or after {@code since}, oldest first and a bounded number of them
     * (then {@link PulledUpdates#readUpTo()} says where the next poll starts). Nothing in the mailbox is marked, so
     * every call whose window holds a reply returns it again, under its Message-ID as the update id: the
     * orchestrator applies it once, and moves {@code since} on only after it has. A reply that cannot be read is
     * reported as unreadable, with its task when that much could be read.
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
            throw new ConnectorException("Cannot cancel " + reference + ": department '" + department
                    + "' has no mailbox (" + EmailConnectorProperties.PREFIX + ".departments." + department + ".address)");
        }
        outbox.send(configured.address(), "Withdrawn, do not work on it: " + reference,
                "The work item " + reference + " sent to you earlier is withdrawn: please do not work on it.\n\n"
                        + (reason == null ? "" : reason.strip() + "\n"));
        log.info("Told " + configured.address() + " that " + reference + " is withdrawn");
        return true;
    }
}
