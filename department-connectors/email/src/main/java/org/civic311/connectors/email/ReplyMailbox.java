package org.civic311.connectors.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Authenticator;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.NotTerm;
import jakarta.mail.search.SearchTerm;

import org.civic311.connectors.ConnectorException;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.integration.mail.ImapMailReceiver;
import org.springframework.integration.mail.SearchTermStrategy;

/** The orchestrator's reply mailbox, read over IMAP. */
final class ReplyMailbox {

    /**
     * Unread and not deleted, nothing else. The receiver's default also wants \Recent, which only the first
     * session to see a message gets: a person glancing at the mailbox first would hide the reply from us.
     */
    private static final SearchTermStrategy UNREAD = (supportedFlags, folder) -> new AndTerm(
            new NotTerm(new FlagTerm(new Flags(Flags.Flag.SEEN), true)),
            new NotTerm(new FlagTerm(new Flags(Flags.Flag.DELETED), true)));

    private final EmailConnectorProperties.Imap imap;

    private final String url;

    ReplyMailbox(EmailConnectorProperties.Imap imap) {
        this.imap = imap;
        // No credentials in the URL: the receiver logs it. They come from the authenticator instead.
        this.url = protocol() + "://" + imap.getHost() + ":" + imap.getPort() + "/"
                + URLEncoder.encode(imap.getFolder(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The messages nobody has read yet, marked read on the server as they are fetched: the read flag is the
     * watermark, so each reply is returned once. They are fully loaded, so they can be read after the
     * connection is closed.
     *
     * @throws ConnectorException when the server cannot be reached or refuses the login
     */
    List<MimeMessage> takeUnread() {
        ImapMailReceiver receiver = new ImapMailReceiver(url);
        receiver.setJavaMailProperties(javaMailProperties());
        receiver.setJavaMailAuthenticator(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(imap.getUsername(), imap.getPassword());
            }
        });
        receiver.setShouldMarkMessagesAsRead(true);
        receiver.setShouldDeleteMessages(false);
        receiver.setSearchTermStrategy(UNREAD);
        receiver.setSimpleContent(true); // parse the copied bytes ourselves, no folder needed afterwards
        // Used outside a Spring Integration context; an empty bean factory stops it warning on every poll.
        receiver.setBeanFactory(new DefaultListableBeanFactory());
        try {
            receiver.afterPropertiesSet();
            Object[] received = receiver.receive();
            return Arrays.stream(received).map(MimeMessage.class::cast).toList();
        } catch (MessagingException | RuntimeException e) {
            throw new ConnectorException("Could not read the reply mailbox " + imap.getUsername() + " at "
                    + imap.getHost() + ":" + imap.getPort() + ": " + e.getMessage(), e);
        } finally {
            receiver.destroy(); // closes the folder and logs out
        }
    }

    private Properties javaMailProperties() {
        Properties properties = new Properties();
        String protocol = protocol();
        properties.setProperty("mail." + protocol + ".user", imap.getUsername());
        properties.setProperty("mail." + protocol + ".connectiontimeout", SmtpOutbox.TIMEOUT_MILLIS);
        properties.setProperty("mail." + protocol + ".timeout", SmtpOutbox.TIMEOUT_MILLIS);
        properties.setProperty("mail." + protocol + ".writetimeout", SmtpOutbox.TIMEOUT_MILLIS);
        return properties;
    }

    private String protocol() {
        return imap.isSsl() ? "imaps" : "imap";
    }
}
