package org.civic311.connectors.cityworks;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.civic311.connectors.SecretSetting;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Cityworks connector: one Cityworks site, the login Civic311 uses there, and for each
 * department that works in Cityworks whether it gets service requests or work orders, and which problem type
 * or template each request type becomes.
 */
@ConfigurationProperties(CityworksConnectorProperties.PREFIX)
public class CityworksConnectorProperties {

    static final String PREFIX = "civic311.connectors.cityworks";

    private static final Pattern TEXT_FIELD = Pattern.compile("Text([1-9]|1[0-9]|20)");

    /** Whether departments can be routed to the "cityworks" system. */
    private boolean enabled;

    /** The site, e.g. {@code https://cityworks.city.gov/cityworks}; calls go to {@code {base-url}/Services/...}. */
    private String baseUrl;

    /** The Cityworks login Civic311 works as; give it only the rights it needs (create and read requests). */
    private String loginName;

    /** That login's password. Give it from the environment (CIVIC311_CONNECTORS_CITYWORKS_PASSWORD), never in a file in the repository. */
    private String password;

    /** Instead of {@code password}: a file holding it (a mounted secret), read once at start. */
    private String passwordFile;

    /**
     * How the token travels: false sends it as the {@code token=} field (sites before v23), true as the
     * {@code Authorization: cityworks <token>} header (v23 and later).
     */
    private boolean tokenInHeader;

    /** The Cityworks server's time zone: Cityworks writes and reads dates without one. */
    private ZoneId zone = ZoneId.of("UTC");

    private Duration connectTimeout = Duration.ofSeconds(5);

    /** How long to wait for an answer; a Create on a busy site can take seconds. */
    private Duration readTimeout = Duration.ofSeconds(30);

    /** The work order field (Text1..Text20) that holds our task id, so a retry finds the work order again. */
    private String workOrderTaskField = "Text1";

    /** Department code (as routed, e.g. {@code urban-forestry}) to how that department works in Cityworks. */
    private Map<String, Department> departments = new LinkedHashMap<>();

    /**
     * Fails at startup, naming the property, rather than at the first dispatch: a department without its
     * mapping would otherwise accept work and put every task into an incident.
     */
    void validate() {
        require(baseUrl, "base-url", "the Cityworks site, e.g. https://cityworks.city.gov/cityworks");
        checkBaseUrl();
        require(loginName, "login-name", "the Cityworks login Civic311 works as");
        resolvePassword();
        if (!TEXT_FIELD.matcher(workOrderTaskField == null ? "" : workOrderTaskField).matches()) {
            throw new IllegalStateException(PREFIX + ".work-order-task-field must name one of the work order fields"
                    + " Text1..Text20, not '" + workOrderTaskField + "'");
        }
        require(zone == null ? null : zone.getId(), "zone", "the Cityworks server's time zone");
        if (departments.isEmpty()) {
            throw new IllegalStateException(PREFIX + ".departments must name at least one department when "
                    + PREFIX + ".enabled=true, e.g. " + PREFIX + ".departments.streets.problem-sids.pothole=101");
        }
        departments.forEach((code, department) -> {
            if (department == null) {
                throw new IllegalStateException(PREFIX + ".departments." + code + " is empty");
            }
            department.validate(PREFIX + ".departments." + code);
        });
    }

    /** The password, read from {@code password-file} when that is how it is given. */
    /** The password, read from {@code password-file} when that is how it is given. */
    String resolvePassword() {
        return SecretSetting.resolve(PREFIX + ".password", password,
                passwordFile == null || passwordFile.isBlank() ? null : Path.of(passwordFile.strip()));
    }

    /** The configured department, matched as the email connector does: department codes are lower case. */
    Optional<Department> department(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Department exact = departments.get(code);
        return Optional.ofNullable(exact != null ? exact : departments.get(code.toLowerCase(Locale.ROOT)));
    }

    private void checkBaseUrl() {
        try {
            URI uri = new URI(baseUrl.strip());
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(baseUrl, "not an http(s) address with a host");
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(PREFIX + ".base-url must be the http(s) address of the Cityworks site,"
                    + " e.g. https://cityworks.city.gov/cityworks, not '" + baseUrl + "'");
        }
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

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getLoginName() {
        return loginName;
    }

    public void setLoginName(String loginName) {
        this.loginName = loginName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordFile() {
        return passwordFile;
    }

    public void setPasswordFile(String passwordFile) {
        this.passwordFile = passwordFile;
    }

    public boolean isTokenInHeader() {
        return tokenInHeader;
    }

    public void setTokenInHeader(boolean tokenInHeader) {
        this.tokenInHeader = tokenInHeader;
    }

    public ZoneId getZone() {
        return zone;
    }

    public void setZone(ZoneId zone) {
        this.zone = zone;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public String getWorkOrderTaskField() {
        return workOrderTaskField;
    }

    public void setWorkOrderTaskField(String workOrderTaskField) {
        this.workOrderTaskField = workOrderTaskField;
    }

    public Map<String, Department> getDepartments() {
        return departments;
    }

    public void setDepartments(Map<String, Department> departments) {
        this.departments = departments;
    }

    /** What a department's work becomes in Cityworks. */
    public enum Kind {
        /** A service request (Ams/ServiceRequest), filed under a problem type (ProblemSid). */
        SERVICE_REQUEST,
        /** A work order (Ams/WorkOrder), made from a template (WOTemplateId). */
        WORK_ORDER
    }

    /** A department that works in Cityworks. */
    public static class Department {

        private Kind kind = Kind.SERVICE_REQUEST;

        /** For {@code kind: service-request}: Open311 service code (exactly as the request type has it) to ProblemSid. */
        private Map<String, Long> problemSids = new LinkedHashMap<>();

        /** For {@code kind: work-order}: Open311 service code to WOTemplateId. */
        private Map<String, String> workOrderTemplates = new LinkedHashMap<>();

        /** For {@code kind: work-order}: the EntityType work orders are created for, e.g. {@code STREET} or {@code TREE}. */
        private String entityType;

        /** The employee (sid) new requests or work orders are submitted to; Cityworks' own default when empty. */
        private Long submitToSid;

        /** For service requests: the employee (sid) they are dispatched to. */
        private Long dispatchToSid;

        /** What Cityworks records as InitiatedByApp, so staff can see where a request came from. */
        private String initiatedByApp = "Civic311";

        void validate(String prefix) {
            if (kind == null) {
                throw new IllegalStateException(prefix + ".kind must be service-request or work-order");
            }
            switch (kind) {
                case SERVICE_REQUEST -> {
                    if (problemSids.isEmpty()) {
                        throw new IllegalStateException(prefix + ".problem-sids must map at least one service code to"
                                + " a Cityworks ProblemSid, e.g. " + prefix + ".problem-sids.pothole=101");
                    }
                    problemSids.forEach((code, sid) -> {
                        if (sid == null || sid <= 0) {
                            throw new IllegalStateException(prefix + ".problem-sids." + code + " must be a ProblemSid"
                                    + " (a positive number), not " + sid);
                        }
                    });
                }
                case WORK_ORDER -> {
                    if (workOrderTemplates.isEmpty()) {
                        throw new IllegalStateException(prefix + ".work-order-templates must map at least one service"
                                + " code to a Cityworks WOTemplateId, e.g. " + prefix + ".work-order-templates.pothole=2001");
                    }
                    workOrderTemplates.forEach((code, template) -> {
                        if (template == null || template.isBlank()) {
                            throw new IllegalStateException(prefix + ".work-order-templates." + code
                                    + " must be a WOTemplateId");
                        }
                    });
                    if (entityType == null || entityType.isBlank()) {
                        throw new IllegalStateException(prefix + ".entity-type must be set for work orders (the"
                                + " Cityworks EntityType they are created for, e.g. STREET)");
                    }
                }
            }
        }

        Optional<Long> problemSid(String serviceCode) {
            return Optional.ofNullable(serviceCode == null ? null : problemSids.get(serviceCode));
        }

        Optional<String> workOrderTemplate(String serviceCode) {
            return Optional.ofNullable(serviceCode == null ? null : workOrderTemplates.get(serviceCode));
        }

        public Kind getKind() {
            return kind;
        }

        public void setKind(Kind kind) {
            this.kind = kind;
        }

        public Map<String, Long> getProblemSids() {
            return problemSids;
        }

        public void setProblemSids(Map<String, Long> problemSids) {
            this.problemSids = problemSids;
        }

        public Map<String, String> getWorkOrderTemplates() {
            return workOrderTemplates;
        }

        public void setWorkOrderTemplates(Map<String, String> workOrderTemplates) {
            this.workOrderTemplates = workOrderTemplates;
        }

        public String getEntityType() {
            return entityType;
        }

        public void setEntityType(String entityType) {
            this.entityType = entityType;
        }

        public Long getSubmitToSid() {
            return submitToSid;
        }

        public void setSubmitToSid(Long submitToSid) {
            this.submitToSid = submitToSid;
        }

        public Long getDispatchToSid() {
            return dispatchToSid;
        }

        public void setDispatchToSid(Long dispatchToSid) {
            this.dispatchToSid = dispatchToSid;
        }

        public String getInitiatedByApp() {
            return initiatedByApp;
        }

        public void setInitiatedByApp(String initiatedByApp) {
            this.initiatedByApp = initiatedByApp;
        }
    }
}
