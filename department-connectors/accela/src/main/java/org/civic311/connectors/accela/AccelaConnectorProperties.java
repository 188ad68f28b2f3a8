package org.civic311.connectors.accela;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.civic311.connectors.SecretSetting;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Accela connector: one Accela agency (where it is, the app and the user we log in as),
 * and for each department that works in it, which record type each of our request types becomes.
 * <p>
 * Secrets come from the environment ({@code CIVIC311_CONNECTORS_ACCELA_APPSECRET}) or from files mounted by the
 * deployment ({@code app-secret-file}, {@code password-file}), never from the database or the repository.
 */
@ConfigurationProperties(AccelaConnectorProperties.PREFIX)
public class AccelaConnectorProperties {

    static final String PREFIX = "civic311.connectors.accela";

    /** Whether departments can be routed to the "accela" system. */
    private boolean enabled;

    /** Base of the token endpoint ({@code <auth-url>/oauth2/token}), e.g. {@code https://auth.accela.com}. */
    private String authUrl;

    /** Base of the Construct API ({@code <api-url>/v4/...}), e.g. {@code https://apis.accela.com}. */
    private String apiUrl;

    /** The agency app registered at developer.accela.com (x-accela-appid, client_id). */
    private String appId;

    /** The app's secret. Prefer {@code app-secret-file} or the environment. */
    private String appSecret;

    /** A file holding the app's secret, read at each login so a rotated secret is picked up. */
    private Path appSecretFile;

    /** The Civic Platform user the integration acts as (password grant). */
    private String username;

    /** That user's password. Prefer {@code password-file} or the environment. */
    private String password;

    /** A file holding that user's password, read at each login. */
    private Path passwordFile;

    /** The agency name (agency_name, x-accela-agency). */
    private String agency;

    /** The agency environment, e.g. {@code PROD} or {@code TEST} (x-accela-environment). */
    private String environment;

    /** The OAuth2 scopes asked for, space-separated. */
    private String scope = "records";

    /**
     * The agency's time zone. Accela writes and reads dates as agency-local {@code yyyy-MM-dd HH:mm:ss}
     * without an offset, so polling and due dates are wrong by hours if this is wrong.
     */
    private ZoneId zone = ZoneId.of("UTC");

    /** How long to wait for a connection to Accela. */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** How long to wait for Accela to answer one call. */
    private Duration readTimeout = Duration.ofSeconds(30);

    /** The reportedChannel value records are created with; must be one of the agency's values. Empty sends none. */
    private String reportedChannel = "Internet";

    /** The contact type the resident is added to records as; must be one of the agency's contact types. */
    private String contactType = "Complainant";

    /**
     * Our routing priority (P1, P2...) to the agency's priority value. A priority not listed, or listed with an
     * empty value, is not sent.
     */
    private Map<String, String> priorities = new LinkedHashMap<>(Map.of("P1", "High", "P2", "High", "P3", "Medium",
            "P4", "Low"));

    /**
     * Record statuses (of an open record) that mean the department has started the work. Status values are
     * agency-configured; closing and cancelling are read from the status type, which is fixed by Accela.
     */
    private List<String> inProgressStatuses = new ArrayList<>(List.of("In Progress"));

    /** Department code (as routed, e.g. {@code code-enforcement}) to how that department's records are created. */
    private Map<String, Department> departments = new LinkedHashMap<>();

    /**
     * Fails at startup, naming the property, rather than at the first dispatch: a half-configured agency would
     * otherwise take every task into a retry loop that ends in an incident.
     */
    void validate() {
        require(authUrl, "auth-url", "the token endpoint's base, e.g. https://auth.accela.com");
        require(apiUrl, "api-url", "the API's base, e.g. https://apis.accela.com");
        require(appId, "app-id", "the agency app's id");
        secret(appSecret, appSecretFile, "app-secret");
        require(username, "username", "the Civic Platform user the integration acts as");
        secret(password, passwordFile, "password");
        require(agency, "agency", "the agency name");
        require(environment, "environment", "the agency environment, e.g. PROD or TEST");
        require(scope, "scope", "the OAuth2 scopes, e.g. records");
        require(contactType, "contact-type", "the agency's contact type for the resident, e.g. Complainant");
        if (departments.isEmpty()) {
            throw new IllegalStateException(PREFIX + ".departments must configure at least one department when "
                    + PREFIX + ".enabled=true, e.g. " + PREFIX + ".departments.code-enforcement.record-types.[high_weeds]");
        }
        departments.forEach((code, department) -> {
            String where = PREFIX + ".departments." + code;
            if (department == null || department.recordTypes.isEmpty()) {
                throw new IllegalStateException(where + ".record-types must map at least one service code to an"
                        + " Accela record type, e.g. " + where + ".record-types.[high_weeds]="
                        + "ServiceRequest/Trees and Weeds/Tall Grass and Weeds/NA");
            }
            department.recordTypes.forEach((serviceCode, recordType) -> {
                String[] levels = recordType == null ? new String[0] : recordType.split("/", -1);
                if (levels.length != 4 || Arrays.stream(levels).anyMatch(String::isBlank)) {
                    throw new IllegalStateException(where + ".record-types.[" + serviceCode + "] must be an Accela"
                            + " record type as Group/Type/SubType/Category, e.g. ServiceRequest/Trees and Weeds/"
                            + "Tall Grass and Weeds/NA; it is '" + recordType + "'");
                }
            });
        });
    }

    /** The app secret, read from its file when one is configured. */
    String resolvedAppSecret() {
        return secret(appSecret, appSecretFile, "app-secret");
    }

    /** The user's password, read from its file when one is configured. */
    String resolvedPassword() {
        return secret(password, passwordFile, "password");
    }

    /** The department's settings, or null when the department does not work in Accela. */
    Department department(String code) {
        return ConfiguredKey.find(departments, code);
    }

    private static String secret(String value, Path file, String property) {
        return SecretSetting.resolve(PREFIX + "." + property, value, file);
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

    public String getAuthUrl() {
        return authUrl;
    }

    public void setAuthUrl(String authUrl) {
        this.authUrl = authUrl;
    }

    public String getApiUrl() {
        return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public String getAppSecret() {
        return appSecret;
    }

    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    public Path getAppSecretFile() {
        return appSecretFile;
    }

    public void setAppSecretFile(Path appSecretFile) {
        this.appSecretFile = appSecretFile;
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

    public Path getPasswordFile() {
        return passwordFile;
    }

    public void setPasswordFile(Path passwordFile) {
        this.passwordFile = passwordFile;
    }

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = agency;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
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

    public String getReportedChannel() {
        return reportedChannel;
    }

    public void setReportedChannel(String reportedChannel) {
        this.reportedChannel = reportedChannel;
    }

    public String getContactType() {
        return contactType;
    }

    public void setContactType(String contactType) {
        this.contactType = contactType;
    }

    public Map<String, String> getPriorities() {
        return priorities;
    }

    public void setPriorities(Map<String, String> priorities) {
        this.priorities = priorities;
    }

    public List<String> getInProgressStatuses() {
        return inProgressStatuses;
    }

    public void setInProgressStatuses(List<String> inProgressStatuses) {
        this.inProgressStatuses = inProgressStatuses;
    }

    public Map<String, Department> getDepartments() {
        return departments;
    }

    public void setDepartments(Map<String, Department> departments) {
        this.departments = departments;
    }

    /** A department that works in Accela. */
    public static class Department {

        /** Service code to Accela record type value, Group/Type/SubType/Category. */
        private Map<String, String> recordTypes = new LinkedHashMap<>();

        /** The custom form (ASI group) our intake fields are written to. */
        private CustomForm customForm = new CustomForm();

        /** The department records are assigned to (assignedToDepartment); the agency's default when empty. */
        private String assignedToDepartment;

        /** The record type for the service code, or null when none is mapped. */
        String recordType(String serviceCode) {
            return ConfiguredKey.find(recordTypes, serviceCode);
        }

        public Map<String, String> getRecordTypes() {
            return recordTypes;
        }

        public void setRecordTypes(Map<String, String> recordTypes) {
            this.recordTypes = recordTypes;
        }

        public CustomForm getCustomForm() {
            return customForm;
        }

        public void setCustomForm(CustomForm customForm) {
            this.customForm = customForm;
        }

        public String getAssignedToDepartment() {
            return assignedToDepartment;
        }

        public void setAssignedToDepartment(String assignedToDepartment) {
            this.assignedToDepartment = assignedToDepartment;
        }
    }

    /**
     * The custom form our intake fields go to, and the name of each field in it. A field whose name is set
     * empty is not written; an empty {@code id} writes no custom form at all.
     */
    public static class CustomForm {

        private String id = "CIVIC311-INTAKE";

        private String taskIdField = "Civic311 Task ID";

        private String trackingNumberField = "Tracking Number";

        private String serviceCodeField = "Service Code";

        private String dueDateField = "Due Date";

        boolean isWritten() {
            return id != null && !id.isBlank();
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getTaskIdField() {
            return taskIdField;
        }

        public void setTaskIdField(String taskIdField) {
            this.taskIdField = taskIdField;
        }

        public String getTrackingNumberField() {
            return trackingNumberField;
        }

        public void setTrackingNumberField(String trackingNumberField) {
            this.trackingNumberField = trackingNumberField;
        }

        public String getServiceCodeField() {
            return serviceCodeField;
        }

        public void setServiceCodeField(String serviceCodeField) {
            this.serviceCodeField = serviceCodeField;
        }

        public String getDueDateField() {
            return dueDateField;
        }

        public void setDueDateField(String dueDateField) {
            this.dueDateField = dueDateField;
        }
    }

    /**
     * Finds a configured map entry by the key we route with, forgiving a key that reached us in Spring Boot's
     * "uniform" form (lower case, only letters, digits and '-'), as some property sources deliver it.
     */
    static final class ConfiguredKey {

        private ConfiguredKey() {
        }

        static <V> V find(Map<String, V> map, String key) {
            if (key == null) {
                return null;
            }
            V exact = map.get(key);
            if (exact != null) {
                return exact;
            }
            String uniform = uniform(key);
            return map.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(key) || uniform(entry.getKey()).equals(uniform))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }

        private static String uniform(String key) {
            return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        }
    }
}
