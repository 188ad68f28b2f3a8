package org.civic311.connectors.email;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.civic311.connectors.Timeout;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the email connector: one outgoing SMTP server, one reply mailbox read over IMAP, and the mailbox of
 * each department that works from email. Checked at start (only when the connector is enabled): a half-configured
 * mailbox would otherwise accept work and silently never hear back. Each constraint's message says what the setting
 * is for, which is what an operator reads when it is missing.
 *
 * @param enabled     whether departments can be routed to the "email" system
 * @param from        the address work emails are sent from, e.g. {@code Civic311 <dispatch@city.gov>}
 * @param replyTo     the orchestrator's own reply mailbox (read over IMAP), put in Reply-To
 * @param tokenSecret the key that signs the reference in each work email, so nobody can close someone else's
 *                    request by forging a reply; keep it out of the repository
 * @param zone        the time zone in which due dates are written in the emails
 * @param departments department code (as routed, e.g. {@code streets}) to that department's mailbox
 */
@ConfigurationProperties(EmailConnectorProperties.PREFIX)
@Validated
public record EmailConnectorProperties(
        boolean enabled,
        @NotBlank(message = "the address work emails are sent from") String from,
        @NotBlank(message = "the mailbox departments reply to") String replyTo,
        @NotBlank(message = "the key that signs the reference in every work email")
        @Size(min = MIN_SECRET_LENGTH, message = "must be at least " + MIN_SECRET_LENGTH + " characters: it signs the"
                + " reference in every work email, so nobody can close someone else's request by forging a reply")
        String tokenSecret,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue @Valid Smtp smtp,
        @DefaultValue @Valid Imap imap,
        Map<@Pattern(regexp = ReplyToken.DEPARTMENT, message = "a department code may only hold lower-case letters,"
                + " digits, '-' and '_'") String, @NotNull(message = "where that department's work goes") @Valid Department> departments) {

    static final String PREFIX = "civic311.connectors.email";

    static final int MIN_SECRET_LENGTH = 16;

    public EmailConnectorProperties {
        departments = departments == null ? Map.of() : Map.copyOf(departments);
    }

    /**
     * The outgoing mail server. A server that accepts the connection and never answers gives up after the timeouts,
     * so a stalled relay cannot hold the dispatch job.
     *
     * @param username leave empty for a relay that takes mail without logging in
     * @param startTls upgrade the connection with STARTTLS, and refuse to send if the server cannot
     */
    public record Smtp(
            @NotBlank(message = "the SMTP server work emails are sent through") String host,
            @DefaultValue("25") int port,
            String username,
            String password,
            boolean startTls,
            @DefaultValue("10s") @Timeout Duration connectTimeout,
            @DefaultValue("30s") @Timeout Duration readTimeout,
            @DefaultValue("30s") @Timeout Duration writeTimeout) {
    }

    /**
     * The reply mailbox.
     *
     * @param port        143, or 993 with {@code ssl: true}
     * @param sentFolder  where a copy of each work email is kept, so a task is never sent twice; created if missing
     * @param ssl         connect over TLS from the start (imaps)
     * @param readTimeout how long one IMAP command may wait for the server (also bounds writing to it)
     */
    public record Imap(
            @NotBlank(message = "the IMAP server of the reply mailbox") String host,
            @DefaultValue("143") int port,
            @NotBlank(message = "the login of the reply mailbox") String username,
            String password,
            @DefaultValue("INBOX") String folder,
            @DefaultValue("Civic311 Sent") @NotBlank(message = "the folder that keeps a copy of each work email") String sentFolder,
            boolean ssl,
            @DefaultValue("10s") @Timeout Duration connectTimeout,
            @DefaultValue("30s") @Timeout Duration readTimeout) {

        /** Our own copies in the folder read for replies would be read as the department's answers. */
        @AssertTrue(message = "must not be the folder read for replies (imap.folder)")
        public boolean isSentFolderApartFromReplies() {
            return sentFolder == null || folder == null || !sentFolder.strip().equalsIgnoreCase(folder.strip());
        }
    }

    /**
     * A department that receives its work by email.
     *
     * @param address        where the department's work emails go
     * @param allowedSenders who may answer for the department; just {@code address} when empty
     */
    public record Department(
            @NotBlank(message = "where that department's work goes") String address,
            List<String> allowedSenders) {

        public Department {
            allowedSenders = allowedSenders == null ? List.of() : List.copyOf(allowedSenders);
        }

        /** Addresses compare case-insensitively: mail servers treat them so in practice. */
        boolean acceptsRepliesFrom(String sender) {
            List<String> allowed = allowedSenders.isEmpty() ? List.of(address) : allowedSenders;
            return sender != null && allowed.stream().anyMatch(a -> a.strip().equalsIgnoreCase(sender.strip()));
        }
    }
}
