package org.civic311.connectors.email;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import org.civic311.connectors.ConnectorException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * The orchestrator's reply mailbox, read over IMAP. The folder is opened read-only, so nothing in it is marked read,
 * flagged, tagged or deleted: a person reading the mailbox sees it as it arrived and hides nothing from Civic311.
 * What has been read is the orchestrator's watermark, so a reply that was fetched but never applied is fetched again.
 * <p>
 * The watermark is kept on the mail server's clock (see {@link #receivedSince}), so a poll reads only what arrived since
 * the last one, give or take a margin. A poll costs three commands however many replies it takes (search, arrival
 * dates, the chosen messages whole), all by UID: a command per reply made a storm day's polls fall behind, since a
 * server answers each in time that grows with the mailbox.
 */
final class ReplyMailbox {

    /** How long a message may be dated before it shows in the folder: a big one takes a while to store. */
    static final Duration STORING_MARGIN = Duration.ofSeconds(30);
    /**
     * IMAP SEARCH SINCE compares whole days, in a zone of the server's choosing: the search asks from the day before,
     * in UTC, and the arrival dates cut at the watermark exactly.
     */
    private static final DateTimeFormatter SEARCH_DAY = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

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
            IMAPFolder folder = (IMAPFolder) store.getFolder(imap.folder());
            folder.open(Folder.READ_ONLY);
            try {
                List<Arrived> arrived = arrivedSince(folder, since);
                int taken = 0;
                while (taken < arrived.size()
                        && (taken < most || arrived.get(taken).at().equals(arrived.get(taken - 1).at()))) {
                    taken++;
                }
                Instant readUpTo = taken < arrived.size()
                        ? arrived.get(taken).at()
                        : settled(since, arrived, pollBegan);
                return new Replies(whole(folder, arrived.subList(0, taken)), readUpTo);
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

    /**
     * The messages that arrived since the watermark, oldest first: a search (the server narrows by day), then their
     * arrival dates in one command, cut at the second. By UID, not by message number: a message another session
     * moves away meanwhile is then simply gone, where a server that renumbers at once (the demo's does) would make
     * every number after it name another message.
     */
    private static List<Arrived> arrivedSince(IMAPFolder folder, Instant since) throws MessagingException {
        List<Long> found = uidsOf((Response[]) folder.doCommand(imap -> answer(imap,
                "UID SEARCH SINCE " + SEARCH_DAY.format(since.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1)))));
        List<Arrived> arrived = new ArrayList<>();
        if (found.isEmpty()) {
            return arrived;
        }
        Response[] dates = (Response[]) folder.doCommand(imap -> answer(imap, "UID FETCH " + uidSet(found)
                + " (UID INTERNALDATE)"));
        for (Response response : dates) {
            if (response instanceof FetchResponse fetched) {
                UID uid = fetched.getItem(UID.class);
                INTERNALDATE date = fetched.getItem(INTERNALDATE.class);
                // Mail the server gives no date counts as arriving at the watermark: kept, and read again.
                Instant at = date == null || date.getDate() == null ? since : date.getDate().toInstant();
                if (uid != null && !at.isBefore(since)) {
                    arrived.add(new Arrived(uid.uid, at));
                }
            }
        }
        arrived.sort(Comparator.comparing(Arrived::at).thenComparingLong(Arrived::uid));
        return arrived;
    }

    /** The chosen messages whole, in one command, parsed from their bytes so they outlive the connection. */
    private List<MimeMessage> whole(IMAPFolder folder, List<Arrived> chosen) throws MessagingException {
        if (chosen.isEmpty()) {
            return List.of();
        }
        // BODY.PEEK: reading a message never marks it read.
        Response[] bodies = (Response[]) folder.doCommand(imap -> answer(imap, "UID FETCH "
                + uidSet(chosen.stream().map(Arrived::uid).toList()) + " (UID BODY.PEEK[])"));
        Map<Long, MimeMessage> byUid = new HashMap<>();
        for (Response response : bodies) {
            if (response instanceof FetchResponse fetched) {
                UID uid = fetched.getItem(UID.class);
                BODY body = fetched.getItem(BODY.class);
                if (uid != null && body != null) {
                    byUid.put(uid.uid, new MimeMessage(login.session(), body.getByteArrayInputStream()));
                }
            }
        }
        List<MimeMessage> messages = new ArrayList<>(chosen.size());
        for (Arrived message : chosen) {
            MimeMessage read = byUid.get(message.uid());
            if (read == null) {
                // It left the folder (moved, deleted) after its date was read: the next poll reads the rest without it.
                throw new MessagingException("A reply left the mailbox while it was being read; the next poll reads "
                        + "the rest");
            }
            messages.add(read);
        }
        return messages;
    }

    /** Sends the command; its untagged answers, after the server said OK (else a failure). */
    private static Response[] answer(IMAPProtocol imap, String command) throws ProtocolException {
        Response[] responses = imap.command(command, null);
        Response result = responses[responses.length - 1];
        imap.notifyResponseHandlers(responses);
        imap.handleResult(result);
        return responses;
    }

    private static List<Long> uidsOf(Response[] responses) {
        List<Long> uids = new ArrayList<>();
        for (Response response : responses) {
            if (response instanceof IMAPResponse untagged && untagged.keyEquals("SEARCH")) {
                for (long uid = untagged.readLong(); uid != -1; uid = untagged.readLong()) {
                    uids.add(uid);
                }
            }
        }
        return uids;
    }

    /** UIDs as an IMAP set, runs as ranges ({@code 4:9,12}): a busy day's replies fit in a short command. */
    static String uidSet(List<Long> uids) {
        List<Long> sorted = uids.stream().sorted().distinct().toList();
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < sorted.size(); i++) {
            int end = i;
            while (end + 1 < sorted.size() && sorted.get(end + 1) == sorted.get(end) + 1) {
                end++;
            }
            set.append(set.isEmpty() ? "" : ",").append(sorted.get(i));
            if (end > i) {
                set.append(':').append(sorted.get(end));
            }
            i = end;
        }
        return set.toString();
    }

    private record Arrived(long uid, Instant at) {
    }
}
