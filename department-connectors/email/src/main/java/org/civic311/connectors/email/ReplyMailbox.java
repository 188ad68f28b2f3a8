package org.civic311.connectors.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;

import org.civic311.connectors.ConnectorException;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.integration.expression.FunctionExpression;
import org.springframework.integration.mail.ImapMailReceiver;

/**
 * The orchestrator's reply mailbox, read over IMAP with Spring Integration's receiver. No message is marked read,
 * flagged or deleted (the receiver only adds its own keyword, {@code spring-integration-mail-adapter}, which mail
 * clients do not show). What has been read is the orchestrator's watermark, not a flag on the server, so a reply
 * that was fetched but never applied is fetched again, and a person reading the mailbox hides nothing from Civic311.
 */
final class ReplyMailbox {

    private final EmailConnectorProperties.Imap imap;
    private final String url;

    ReplyMailbox(EmailConnectorProperties.Imap imap) {
        this.imap = imap;
        // No credentials in the URL: the receiver logs it. They come from the authenticator instead.
        this.url = protocol() + "://" + imap.host() + ":" + imap.port() + "/"
                + URLEncoder.encode(imap.folder(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Every message the server received at or after {@code since} (by its sent date when the server gives no
     * received date), copied in full so it can be read after the connection is closed.
     *
     * @throws ConnectorException when the server cannot be reached or refuses the login
     */
    List<MimeMessage> receivedSince(Instant since) {
        ImapMailReceiver receiver = new ImapMailReceiver(url);
        receiver.setJavaMailProperties(javaMailProperties());
        receiver.setJavaMailAuthenticator(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(imap.username(), imap.password());
            }
        });
        receiver.setShouldMarkMessagesAsRead(false);
        receiver.setShouldDeleteMessages(false);
        receiver.setFlaggedAsFallback(false); // where the server has no keywords, no \Flagged instead
        // The server narrows by day; the selector cuts at the second, on the server's received date.
        receiver.setSearchTermStrategy((flags, folder) -> new ReceivedDateTerm(ComparisonTerm.GE, searchFrom(since)));
        receiver.setSelectorExpression(new FunctionExpression<Message>(message -> arrivedSince(message, since)));
        receiver.setSimpleContent(true); // parse the copied bytes ourselves, no folder needed afterwards
        // Used outside a Spring Integration context; an empty bean factory stops it warning on every poll.
        receiver.setBeanFactory(new DefaultListableBeanFactory());
        try {
            receiver.afterPropertiesSet();
            return Arrays.stream(receiver.receive()).map(MimeMessage.class::cast).toList();
        } catch (MessagingException | RuntimeException e) {
            throw new ConnectorException("Could not read the reply mailbox " + imap.username() + " at "
                    + imap.host() + ":" + imap.port() + ": " + e.getMessage(), e);
        } finally {
            receiver.destroy(); // closes the folder and logs out
        }
    }

    private static boolean arrivedSince(Message message, Instant since) {
        try {
            Date received = message.getReceivedDate();
            Date arrived = received != null ? received : message.getSentDate();
            // Undated mail is kept: reading it again is harmless, missing a reply is not.
            return arrived == null || !arrived.toInstant().isBefore(since);
        } catch (MessagingException e) {
            return true;
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

    private Properties javaMailProperties() {
        Properties properties = new Properties();
        String protocol = protocol();
        properties.setProperty("mail." + protocol + ".user", imap.username());
        // Without timeouts, a server that accepts the connection and never answers would hang the poll.
        properties.setProperty("mail." + protocol + ".connectiontimeout", SmtpOutbox.millis(imap.connectTimeout()));
        properties.setProperty("mail." + protocol + ".timeout", SmtpOutbox.millis(imap.readTimeout()));
        properties.setProperty("mail." + protocol + ".writetimeout", SmtpOutbox.millis(imap.readTimeout()));
        // BODY.PEEK: fetching a message never sets \Seen.
        properties.setProperty("mail." + protocol + ".peek", "true");
        return properties;
    }

    private String protocol() {
        return imap.ssl() ? "imaps" : "imap";
    }
}
