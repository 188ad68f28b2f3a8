package org.civic311.connectors.email;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.civic311.connectors.ConnectorException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends work emails through the configured SMTP server. */
final class SmtpOutbox {

    /** Without timeouts, a server that accepts the connection and never answers would hang the dispatch job. */
    static final String TIMEOUT_MILLIS = "30000";

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();

    private final String from;

    private final String replyTo;

    SmtpOutbox(EmailConnectorProperties properties) {
        EmailConnectorProperties.Smtp smtp = properties.getSmtp();
        sender.setHost(smtp.getHost());
        sender.setPort(smtp.getPort());
        sender.setUsername(smtp.getUsername());
        sender.setPassword(smtp.getPassword());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties mail = new Properties();
        mail.setProperty("mail.smtp.auth", Boolean.toString(smtp.getUsername() != null && !smtp.getUsername().isBlank()));
        mail.setProperty("mail.smtp.starttls.enable", Boolean.toString(smtp.isStartTls()));
        mail.setProperty("mail.smtp.starttls.required", Boolean.toString(smtp.isStartTls()));
        mail.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        mail.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        mail.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        sender.setJavaMailProperties(mail);
        this.from = properties.getFrom();
        this.replyTo = properties.getReplyTo();
    }

    /** Sends one plain-text email whose Message-ID carries the token, so replies point back at it. */
    void send(String to, WorkOrderMail mail, ReplyToken token) {
        try {
            MimeMessage message = new TokenMessage(sender.getSession(), token);
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setReplyTo(replyTo);
            helper.setTo(to);
            helper.setSubject(mail.subject());
            helper.setText(mail.body());
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw new ConnectorException("Could not send the work email for " + token.reference() + " to " + to
                    + " through " + sender.getHost() + ":" + sender.getPort() + ": " + e.getMessage(), e);
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
            setHeader("Message-ID", "<" + token + "@civic311>");
        }
    }
}
