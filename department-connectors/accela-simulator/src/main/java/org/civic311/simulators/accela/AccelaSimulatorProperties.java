package org.civic311.simulators.accela;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The simulated agency: who may log in, which record types, statuses and custom forms it has, and the
 * workflow each new record starts. Everything an Accela administrator would configure lives here, so
 * tests and the demo change the agency by configuration, never by code.
 * <p>
 * Lists (not maps) are used for anything keyed by a human name: Spring Boot drops spaces and dots from
 * map keys unless they are bracketed, and "In Progress" or "jane.doe" must survive as written.
 */
@ConfigurationProperties(prefix = "civic311.simulators.accela")
public class AccelaSimulatorProperties {

    /** Whether the simulator's endpoints and bean exist at all. */
    private boolean enabled;

    /**
     * Where the simulator is mounted; plays both https://auth.accela.com and https://apis.accela.com.
     * No trailing slash. Empty mounts it at the root, which only suits the standalone server: the simulator
     * answers every path under its base, unknown ones with api_not_found.
     */
    private String basePath = "/sim/accela";

    /** The agency name (agency_name, x-accela-agency) and the prefix of every record id. */
    private String agency = "CIVIC311";

    /** The environments the agency has (environment, x-accela-environment), compared ignoring case. */
    private List<String> environments = List.of("TEST");

    /** The registered apps: x-accela-appid / client_id and their secrets. */
    private List<App> apps = List.of(new App("demo", "demo"));

    /** Civic Platform accounts allowed to log in with the password grant. User names ignore case. */
    private List<User> users = List.of(new User("demo", "demo"));

    /** How long an access token lives; expires_in reports it. */
    private Duration accessTokenLifetime = Duration.ofSeconds(3600);

    /** How long a refresh token lives. Each is good for one refresh. */
    private Duration refreshTokenLifetime = Duration.ofDays(7);

    /**
     * The agency's time zone. Accela answers dates as agency-local "yyyy-MM-dd HH:mm:ss" without an
     * offset, so a client has to know this zone to read them.
     */
    private String timeZone = "UTC";

    /** The middle part of record ids, as in CIVIC311-26CAP-00000-000A1. */
    private String recordIdCode = "CAP";

    /** The record types records may be created with. */
    private List<RecordTypeSetting> recordTypes = List.of(
            new RecordTypeSetting("ServiceRequest/Trees and Weeds/Tall Grass and Weeds/NA", "Tall Grass and Weeds", null, "SR"),
            new RecordTypeSetting("ServiceRequest/Property Maintenance/Junk and Debris/NA", "Junk and Debris", null, "SR"),
            new RecordTypeSetting("ServiceRequest/Vehicles/Abandoned Vehicle/NA", "Abandoned Vehicle", null, "SR"),
            new RecordTypeSetting("Enforcement/Housing/Property Maintenance/NA", "Housing Code Violation", null, "CE"));

    /** The record statuses and the status type each one means. */
    private List<RecordStatusSetting> recordStatuses = List.of(
            new RecordStatusSetting("Received", StatusType.OPEN),
            new RecordStatusSetting("In Progress", StatusType.OPEN),
            new RecordStatusSetting("Closed", StatusType.CLOSED),
            new RecordStatusSetting("Complete", StatusType.COMPLETE));

    /** The status every new record starts in. */
    private String initialStatus = "Received";

    /** Allowed contact type values; a record contact must have one. */
    private List<String> contactTypes = List.of("Complainant", "Applicant", "Property Owner");

    /** Allowed priority values. */
    private List<String> priorities = List.of("High", "Medium", "Low");

    /** Allowed reported-channel values. */
    private List<String> reportedChannels = List.of("Call Center", "Email", "Internet", "Mobile App", "Phone", "Walk In");

    /** Custom forms (ASI groups) every record type carries, with their field names. */
    private List<CustomFormSetting> customForms = List.of(new CustomFormSetting("CIVIC311-INTAKE",
            List.of("Civic311 Task ID", "Tracking Number", "Service Code", "Due Date")));

    /** The workflow every new record starts. */
    private WorkflowSetting workflow = new WorkflowSetting("CE_INVESTIGATION", List.of(
            new TaskSetting("Investigation", "Code Enforcement", 10, List.of(
                    new TaskStatusSetting("In Progress", false, "In Progress"),
                    new TaskStatusSetting("Violation Corrected", true, "Complete"),
                    new TaskStatusSetting("No Violation Found", true, "Closed")))));

    /** A registered app. */
    public record App(String id, String secret) {
    }

    /** A Civic Platform account. */
    public record User(String username, String password) {
    }

    /**
     * A record type.
     *
     * @param value          Group/Type/SubType/Category, e.g. {@code ServiceRequest/Trees and Weeds/Tall Grass and Weeds/NA}
     * @param alias          the display text; defaults to the sub-type
     * @param module         the module; defaults to the group
     * @param customIdPrefix what customIds of this type start with, before the two-digit year
     */
    public record RecordTypeSetting(String value, String alias, String module, String customIdPrefix) {
    }

    /** A record status and its type. */
    public record RecordStatusSetting(String value, StatusType type) {
    }

    /** A custom form: its id (like {@code GROUP-SUBGROUP}) and the names of its fields. */
    public record CustomFormSetting(String id, List<String> fields) {
    }

    /** A workflow: its process code and its tasks, done one after another. */
    public record WorkflowSetting(String processCode, List<TaskSetting> tasks) {
    }

    /**
     * A workflow task.
     *
     * @param name       the task name (taskItemModel.description)
     * @param department the department it is assigned to
     * @param daysDue    days from activation to its due date
     * @param statuses   the statuses a user may give it
     */
    public record TaskSetting(String name, String department, Integer daysDue, List<TaskStatusSetting> statuses) {
    }

    /**
     * A status a workflow task may be given.
     *
     * @param value         the status, e.g. {@code No Violation Found}
     * @param completesTask whether it completes the task and activates the next one
     * @param recordStatus  the record status it sets, if any; on the last task's completing statuses it
     *                      must be a CLOSED or COMPLETE status, so finishing the workflow closes the record
     */
    public record TaskStatusSetting(String value, boolean completesTask, String recordStatus) {
    }

    /** Accela's record status types. */
    public enum StatusType {
        APPROVED, CLOSED, COMPLETE, DENIED, INCOMPLETE, OPEN, PENDING, UNASSIGNED, VOID;

        /** Whether a record in this status is finished: closed or complete. */
        public boolean closes() {
            return this == CLOSED || this == COMPLETE;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getBasePath() {
        return basePath;
    }

    public void setBasePath(String basePath) {
        this.basePath = basePath;
    }

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = agency;
    }

    public List<String> getEnvironments() {
        return environments;
    }

    public void setEnvironments(List<String> environments) {
        this.environments = environments;
    }

    public List<App> getApps() {
        return apps;
    }

    public void setApps(List<App> apps) {
        this.apps = apps;
    }

    public List<User> getUsers() {
        return users;
    }

    public void setUsers(List<User> users) {
        this.users = users;
    }

    public Duration getAccessTokenLifetime() {
        return accessTokenLifetime;
    }

    public void setAccessTokenLifetime(Duration accessTokenLifetime) {
        this.accessTokenLifetime = accessTokenLifetime;
    }

    public Duration getRefreshTokenLifetime() {
        return refreshTokenLifetime;
    }

    public void setRefreshTokenLifetime(Duration refreshTokenLifetime) {
        this.refreshTokenLifetime = refreshTokenLifetime;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getRecordIdCode() {
        return recordIdCode;
    }

    public void setRecordIdCode(String recordIdCode) {
        this.recordIdCode = recordIdCode;
    }

    public List<RecordTypeSetting> getRecordTypes() {
        return recordTypes;
    }

    public void setRecordTypes(List<RecordTypeSetting> recordTypes) {
        this.recordTypes = recordTypes;
    }

    public List<RecordStatusSetting> getRecordStatuses() {
        return recordStatuses;
    }

    public void setRecordStatuses(List<RecordStatusSetting> recordStatuses) {
        this.recordStatuses = recordStatuses;
    }

    public String getInitialStatus() {
        return initialStatus;
    }

    public void setInitialStatus(String initialStatus) {
        this.initialStatus = initialStatus;
    }

    public List<String> getContactTypes() {
        return contactTypes;
    }

    public void setContactTypes(List<String> contactTypes) {
        this.contactTypes = contactTypes;
    }

    public List<String> getPriorities() {
        return priorities;
    }

    public void setPriorities(List<String> priorities) {
        this.priorities = priorities;
    }

    public List<String> getReportedChannels() {
        return reportedChannels;
    }

    public void setReportedChannels(List<String> reportedChannels) {
        this.reportedChannels = reportedChannels;
    }

    public List<CustomFormSetting> getCustomForms() {
        return customForms;
    }

    public void setCustomForms(List<CustomFormSetting> customForms) {
        this.customForms = customForms;
    }

    public WorkflowSetting getWorkflow() {
        return workflow;
    }

    public void setWorkflow(WorkflowSetting workflow) {
        this.workflow = workflow;
    }
}
