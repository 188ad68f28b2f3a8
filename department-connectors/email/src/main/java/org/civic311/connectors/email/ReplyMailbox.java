package org.civic311.connectors.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;

import org.civic311.connectors.ConnectorException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.integration.mail.ImapMailReceiver;

/**
 * The orchestrator's reply mailbox, read over IMAP with Spring Integration's receiver. No message is marked read,
 * flagged or deleted (the receiver only adds its own keyword, {@code spring-integration-mail-adapter}, which mail
 * clients do not show). What has been read is the orchestrator's watermark, not a flag on the server, so a reply
 * that was fetched but never applied is fetched again, and a person reading the mailbox hides nothing from Civic311.
 */
final class ReplyMailbox {

    private final MailboxLogin login;
    private final String url;

    ReplyMailbox(EmailConnectorProperties.Imap imap) {
        this.login = new MailboxLogin(imap);
        // No credentials in the URL: the receiver logs it. They come from the authenticator instead.
        this.url = login.protocol() + "://" + imap.host() + ":" + imap.port() + "/"
                + URLEncoder.encode(imap.folder(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The messages the server received at or after {@code since}, oldest first, at most about {@code most} of them
     * (all those that arrived in the same second as the last one are taken too, so the next read starts later),
     * copied in full so they can be read after the connection is closed.
     *
     * @throws ConnectorException when the server cannot be reached or refuses the login
     */
    Replies receivedSince(Instant since, int most) {
        OldestFirst receiver = new OldestFirst(url, since, most);
        receiver.setJavaMailProperties(login.javaMailProperties());
        receiver.setJavaMailAuthenticator(login.authenticator());
        receiver.setShouldMarkMessagesAsRead(false);
        receiver.setShouldDeleteMessages(false);
        receiver.setFlaggedAsFallback(false); // where the server has no keywords, no \Flagged instead
        // The server narrows by day; OldestFirst cuts at the second, on the server's received date.
        receiver.setSearchTermStrategy((flags, folder) -> new ReceivedDateTerm(ComparisonTerm.GE, searchFrom(since)));
        receiver.setSimpleContent(true); // parse the copied bytes ourselves, no folder needed afterwards
        // Used outside a Spring Integration context; an empty bean factory stops it warning on every poll.
        receiver.setBeanFactory(new DefaultListableBeanFactory());
        try {
            receiver.afterPropertiesSet();
            List<MimeMessage> messages = Arrays.stream(receiver.receive()).map(MimeMessage.class::cast).toList();
            return new Replies(messages, receiver.readUpTo);
        } catch (MessagingException | RuntimeException e) {
            throw new ConnectorException("Could not read the reply mailbox " + login.mailbox() + ": " + e.getMessage(), e);
        } finally {
            receiver.destroy(); // closes the folder and logs out
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
     * @param readUpTo null when every message since the watermark was read; otherwise when the first one left for the
     *                 next read arrived (every message before it was read)
     */
    record Replies(List<MimeMessage> messages, Instant readUpTo) {
    }

    /**
     * The receiver, choosing what to fetch: of the messages the server's day search found, those that arrived since
     * the watermark, oldest first, up to the bound. Only their dates are fetched to choose; only the chosen ones are
     * fetched in full.
     */
    private static final class OldestFirst extends ImapMailReceiver {

        private final Instant since;
        private final int most;
        private Instant readUpTo;

        OldestFirst(String url, Instant since, int most) {
            super(url);
            this.since = since;
            this.most = most;
        }

        @Override
        protected Message[] searchForNewMessages() throws MessagingException {
            Message[] found = super.searchForNewMessages();
            // The arrival dates alone, in one command: the day search finds every reply of two days, and fetching
            // each one's envelope too made a storm day's polls slower with every reply that came in.
            FetchProfile dates = new FetchProfile();
            dates.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
            getFolder().fetch(found, dates);
            List<Arrived> arrived = new ArrayList<>();
            for (Message message : found) {
                Instant at = arrivedAt(message);
                if (!at.isBefore(since)) {
                    arrived.add(new Arrived(message, at));
                }
            }
            arrived.sort(Comparator.comparing(Arrived::at));
            int taken = 0;
            while (taken < arrived.size()
                    && (taken < most || arrived.get(taken).at().equals(arrived.get(taken - 1).at()))) {
                taken++;
            }
            readUpTo = taken < arrived.size() ? arrived.get(taken).at() : null;
            return arrived.subList(0, taken).stream().map(Arrived::message).toArray(Message[]::new);
        }

        /** When the server received it (else when it was sent); undated mail counts as arriving at the watermark. */
        private Instant arrivedAt(Message message) {
            try {
                Date received = message.getReceivedDate();
                Date arrived = received != null ? received : message.getSentDate();
                // Undated mail is kept: reading it again is harmless, missing a reply is not.
                return arrived == null ? since : arrived.toInstant();
            } catch (MessagingException e) {
                return since;
            }
        }

        private record Arrived(Message message, Instant at) {
        }
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
