package org.civic311.connectors.email;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.civic311.connectors.ConnectorException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends work emails through the configured SMTP server. */
final class SmtpOutbox {

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();

    private final String from;

    private final String replyTo;

    SmtpOutbox(EmailConnectorProperties properties) {
        EmailConnectorProperties.Smtp smtp = properties.smtp();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setUsername(smtp.username());
        sender.setPassword(smtp.password());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties mail = new Properties();
        mail.setProperty("mail.smtp.auth", Boolean.toString(smtp.username() != null && !smtp.username().isBlank()));
        mail.setProperty("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
        mail.setProperty("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
        // Without timeouts, a server that accepts the connection and never answers would hang the dispatch job.
        mail.setProperty("mail.smtp.connectiontimeout", millis(smtp.connectTimeout()));
        mail.setProperty("mail.smtp.timeout", millis(smtp.readTimeout()));
        mail.setProperty("mail.smtp.writetimeout", millis(smtp.writeTimeout()));
        sender.setJavaMailProperties(mail);
        this.from = properties.from();
        this.replyTo = properties.replyTo();
    }

    /** Connects and logs in (when a login is set), sending nothing. */
    void checkConnection() {
        try {
            sender.testConnection();
        } catch (MessagingException e) {
            throw new ConnectorException("Could not connect to the department mail server " + sender.getHost() + ":"
                    + sender.getPort() + ": " + e.getMessage(), e);
        }
    }

    /** A timeout as Jakarta Mail takes it. */
    static String millis(Duration timeout) {
        return Long.toString(timeout.toMillis());
    }

    /** Sends one plain-text email whose Message-ID carries the token, so replies point back at it; returns it as sent. */
    MimeMessage send(String to, WorkOrderMail mail, ReplyToken token) {
        try {
            // Put together by hand: a MimeMessageHelper on a message the sender did not make reads the class path's
            // MIME types again for every email.
            MimeMessage message = new TokenMessage(sender.getSession(), token);
            message.setFrom(new InternetAddress(from));
            message.setReplyTo(new Address[] {new InternetAddress(replyTo)});
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.body(), StandardCharsets.UTF_8.name());
            sender.send(message);
            return message;
        } catch (MessagingException | MailException e) {
            throw new ConnectorException("Could not send the work email for " + token.reference() + " to " + to
                    + " through " + sender.getHost() + ":" + sender.getPort() + ": " + e.getMessage(), e);
        }
    }

    /** Sends one plain-text email that expects no reply that could act on anything. */
    void send(String to, String subject, String text) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text);
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw new ConnectorException("Could not send '" + subject + "' to " + to + " through " + sender.getHost()
                    + ":" + sender.getPort() + ": " + e.getMessage(), e);
        }
    }

    /** A message whose Message-ID is {@code <token@civic311>} instead of a random one. */
    private static final class TokenMessage extends MimeMessage {

        private final ReplyToken token;

        TokenMessage(Session session, ReplyToken token) {
            super(session);
            this.token = token;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", SentCopies.messageId(token));
        }
    }
}
