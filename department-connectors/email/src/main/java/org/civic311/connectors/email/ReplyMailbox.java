package org.civic311.connectors.email;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;

import org.civic311.connectors.ConnectorException;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * The orchestrator's reply mailbox, read over IMAP. The folder is opened read-only, so nothing in it is marked read,
 * flagged, tagged or deleted: a person reading the mailbox sees it as it arrived and hides nothing from Civic311.
 * What has been read is the orchestrator's watermark, so a reply that was fetched but never applied is fetched again.
 * <p>
 * The watermark is kept on the mail server's clock (see {@link #receivedSince}), so a poll reads only what arrived since
 * the last one, give or take a margin. A poll costs three commands however many replies it takes (search, arrival dates, the chosen messages whole): a
 * command per reply made a storm day's polls fall behind, since a server answers each in time that grows with the
 * mailbox.
 */
final class ReplyMailbox {

    /** How long a message may be dated before it shows in the folder: a big one takes a while to store. */
    static final Duration STORING_MARGIN = Duration.ofSeconds(30);

    private final EmailConnectorProperties.Imap imap;
    private final MailboxLogin login;

    ReplyMailbox(EmailConnectorProperties.Imap imap) {
        this.imap = imap;
        this.login = new MailboxLogin(imap);
    }

    /**
     * The messages the server received at or after {@code since}, oldest first, at most about {@code most} of them
     * (all those that arrived in the same second as the last one are taken too, so the next read starts later),
     * copied in full so they can be read after the connection is closed.
     *
     * @throws ConnectorException when the server cannot be reached or refuses the login
     */
    Replies receivedSince(Instant since, int most) {
        Instant pollBegan = Instant.now();
        try (Store store = login.session().getStore(login.protocol())) {
            store.connect(imap.host(), imap.port(), null, null);
            Folder folder = store.getFolder(imap.folder());
            folder.open(Folder.READ_ONLY);
            try {
                // The server narrows by day; the arrival dates cut at the second.
                Message[] found = folder.search(new ReceivedDateTerm(ComparisonTerm.GE, searchFrom(since)));
                List<Arrived> arrived = arrivedSince(folder, found, since);
                int taken = 0;
                while (taken < arrived.size()
                        && (taken < most || arrived.get(taken).at().equals(arrived.get(taken - 1).at()))) {
                    taken++;
                }
                Instant readUpTo = taken < arrived.size()
                        ? arrived.get(taken).at()
                        : settled(since, arrived, pollBegan);
                Message[] chosen = arrived.subList(0, taken).stream().map(Arrived::message).toArray(Message[]::new);
                return new Replies(copies(folder, chosen), readUpTo);
            } finally {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            throw new ConnectorException("Could not read the reply mailbox " + login.mailbox() + ": " + e.getMessage(), e);
        }
    }

    /** @throws ConnectorException when the server cannot be reached or refuses the login */
    void checkLogin() {
        try {
            login.check();
        } catch (MessagingException e) {
            throw new ConnectorException("Could not log in to the reply mailbox " + login.mailbox() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * @param readUpTo where the next read starts, on the mail server's clock: every message that arrived before it was
     *                 read
     */
    record Replies(List<MimeMessage> messages, Instant readUpTo) {
    }

    /**
     * Where the next read starts after one that took every message: a little before the newest arrival, on the
     * server's own clock, so the next read asks only for what is new and no difference between the server's clock
     * and ours can hide a reply. The margin is for a message dated when the server began to store it but shown only
     * once stored, after a later one. A message dated in the future (appended by hand) moves it no further than this
     * read's own time. Nothing arrived: the next read starts where this one did.
     */
    private static Instant settled(Instant since, List<Arrived> arrived, Instant pollBegan) {
        if (arrived.isEmpty()) {
            return since;
        }
        Instant newest = arrived.get(arrived.size() - 1).at();
        Instant settled = (newest.isBefore(pollBegan) ? newest : pollBegan).minus(STORING_MARGIN);
        return settled.isAfter(since) ? settled : since;
    }

    /** Of the messages found, those that arrived since the watermark, oldest first; their dates in one command. */
    private static List<Arrived> arrivedSince(Folder folder, Message[] found, Instant since) throws MessagingException {
        FetchProfile dates = new FetchProfile();
        dates.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        folder.fetch(found, dates);
        List<Arrived> arrived = new ArrayList<>();
        for (Message message : found) {
            Instant at = arrivedAt(message, since);
            if (!at.isBefore(since)) {
                arrived.add(new Arrived(message, at));
            }
        }
        arrived.sort(Comparator.comparing(Arrived::at));
        return arrived;
    }

    /** The chosen messages whole, in one command, copied so they outlive the connection. */
    private static List<MimeMessage> copies(Folder folder, Message[] chosen) throws MessagingException {
        FetchProfile whole = new FetchProfile();
        whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
        // A copy takes the flags too: unfetched, each message would ask the server for its own.
        whole.add(FetchProfile.Item.FLAGS);
        folder.fetch(chosen, whole);
        List<MimeMessage> copies = new ArrayList<>(chosen.length);
        for (Message message : chosen) {
            copies.add(new MimeMessage((MimeMessage) message)); // from the fetched bytes, no further command
        }
        return copies;
    }

    /**
     * When the server received it. Mail the server gives no date counts as arriving at the watermark: it is kept
     * (reading it again is harmless, missing a reply is not), and a sender's clock never moves the watermark.
     */
    private static Instant arrivedAt(Message message, Instant since) {
        try {
            Date received = message.getReceivedDate();
            return received == null ? since : received.toInstant();
        } catch (MessagingException e) {
            return since;
        }
    }

    private record Arrived(Message message, Instant at) {
    }

    /**
     * IMAP SEARCH SINCE compares whole days, in a zone of the server's choosing (and Jakarta Mail writes the day
     * in the JVM's zone): ask from the day before, in UTC, and cut at {@code since} exactly afterwards.
     */
    private static Date searchFrom(Instant since) {
        return Date.from(since.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant());
    }
}
