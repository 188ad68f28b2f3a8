package org.civic311.connectors.email;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the email connector: one outgoing SMTP server, one reply mailbox read over IMAP,
 * and the mailbox of each department that works from email.
 */
@ConfigurationProperties(EmailConnectorProperties.PREFIX)
public class EmailConnectorProperties {

    static final String PREFIX = "civic311.connectors.email";

    static final int MIN_SECRET_LENGTH = 16;

    private static final Pattern DEPARTMENT_CODE = Pattern.compile(ReplyToken.DEPARTMENT);

    /** Whether departments can be routed to the "email" system. */
    private boolean enabled;

    /** The address work emails are sent from, e.g. {@code Civic311 <dispatch@city.gov>}. */
    private String from;

    /** The orchestrator's own reply mailbox (read over IMAP), put in Reply-To. */
    private String replyTo;

    /** Key that signs the reference in each work email; at least 16 characters. Keep it out of the repository. */
    private String tokenSecret;

    /** Time zone in which due dates are written in the emails. */
    private ZoneId zone = ZoneId.of("UTC");

    private final Smtp smtp = new Smtp();

    private final Imap imap = new Imap();

    /** Department code (as routed, e.g. {@code streets}) to that department's mailbox. */
    private Map<String, Department> departments = new LinkedHashMap<>();

    /**
     * Fails at startup, naming the property, rather than at the first dispatch: a half-configured
     * mailbox would otherwise accept work and silently never hear back.
     */
    void validate() {
        if (tokenSecret == null || tokenSecret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException(PREFIX + ".token-secret must be set to at least " + MIN_SECRET_LENGTH
                    + " characters when " + PREFIX + ".enabled=true: it signs the reference in every work email,"
                    + " so nobody can close someone else's request by forging a reply");
        }
        require(from, "from", "the address work emails are sent from");
        require(replyTo, "reply-to", "the mailbox departments reply to");
        require(smtp.host, "smtp.host", "the SMTP server work emails are sent through");
        require(imap.host, "imap.host", "the IMAP server of the reply mailbox");
        require(imap.username, "imap.username", "the login of the reply mailbox");
        departments.forEach((code, department) -> {
            if (!DEPARTMENT_CODE.matcher(code).matches()) {
                throw new IllegalStateException(PREFIX + ".departments." + code
                        + ": a department code may only hold lower-case letters, digits, '-' and '_'");
            }
            require(department == null ? null : department.address, "departments." + code + ".address",
                    "where that department's work goes");
        });
    }

    private static void require(String value, String property, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(PREFIX + "." + property + " must be set (" + what + ")");
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public void setReplyTo(String replyTo) {
        this.replyTo = replyTo;
    }

    public String getTokenSecret() {
        return tokenSecret;
    }

    public void setTokenSecret(String tokenSecret) {
        this.tokenSecret = tokenSecret;
    }

    public ZoneId getZone() {
        return zone;
    }

    public void setZone(ZoneId zone) {
        this.zone = zone;
    }

    public Smtp getSmtp() {
        return smtp;
    }

    public Imap getImap() {
        return imap;
    }

    public Map<String, Department> getDepartments() {
        return departments;
    }

    public void setDepartments(Map<String, Department> departments) {
        this.departments = departments;
    }

    /** The outgoing mail server. */
    public static class Smtp {

        private String host;

        private int port = 25;

        /** Leave empty for a relay that takes mail without logging in. */
        private String username;

        private String password;

        /** Upgrade the connection with STARTTLS, and refuse to send if the server cannot. */
        private boolean startTls;

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public boolean isStartTls() {
            return startTls;
        }

        public void setStartTls(boolean startTls) {
            this.startTls = startTls;
        }
    }

    /** The reply mailbox. */
    public static class Imap {

        private String host;

        /** 143, or 993 with {@code ssl: true}. */
        private int port = 143;

        private String username;

        private String password;

        private String folder = "INBOX";

        /** Connect over TLS from the start (imaps). */
        private boolean ssl;

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getFolder() {
            return folder;
        }

        public void setFolder(String folder) {
            this.folder = folder;
        }

        public boolean isSsl() {
            return ssl;
        }

        public void setSsl(boolean ssl) {
            this.ssl = ssl;
        }
    }

    /** A department that receives its work by email. */
    public static class Department {

        /** Where the department's work emails go. */
        private String address;

        /** Who may answer for the department; just {@code address} when empty. */
        private List<String> allowedSenders = new ArrayList<>();

        /** Addresses compare case-insensitively: mail servers treat them so in practice. */
        boolean acceptsRepliesFrom(String sender) {
            List<String> allowed = allowedSenders.isEmpty() ? List.of(address) : allowedSenders;
            return sender != null && allowed.stream().anyMatch(a -> a.strip().equalsIgnoreCase(sender.strip()));
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public List<String> getAllowedSenders() {
            return allowedSenders;
        }

        public void setAllowedSenders(List<String> allowedSenders) {
            this.allowedSenders = allowedSenders;
        }
    }
}
