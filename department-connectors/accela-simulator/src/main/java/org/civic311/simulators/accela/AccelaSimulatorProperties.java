package org.civic311.simulators.accela;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated agency: who may log in, which record types, statuses and custom forms it has, and the
 * workflow each new record starts. Everything an Accela administrator would configure lives here, so
 * tests and the demo change the agency by configuration, never by code.
 * <p>
 * Lists (not maps) are used for anything keyed by a human name: Spring Boot drops spaces and dots from
 * map keys unless they are bracketed, and "In Progress" or "jane.doe" must survive as written.
 *
 * @param enabled              whether the simulator's endpoints and bean exist at all
 * @param basePath             where the simulator is mounted; plays both https://auth.accela.com and
 *                             https://apis.accela.com. No trailing slash. Empty mounts it at the root, which only
 *                             suits the standalone server: the simulator answers every path under its base, unknown
 *                             ones with api_not_found
 * @param agency               the agency name (agency_name, x-accela-agency) and the prefix of every record id
 * @param environments         the environments the agency has (environment, x-accela-environment), compared
 *                             ignoring case
 * @param apps                 the registered apps: x-accela-appid / client_id and their secrets
 * @param users                Civic Platform accounts allowed to log in with the password grant. User names ignore case
 * @param accessTokenLifetime  how long an access token lives; expires_in reports it
 * @param refreshTokenLifetime how long a refresh token lives. Each is good for one refresh
 * @param timeZone             the agency's time zone. Accela answers dates as agency-local "yyyy-MM-dd HH:mm:ss"
 *                             without an offset, so a client has to know this zone to read them
 * @param recordIdCode         the middle part of record ids, as in CIVIC311-26CAP-00000-000A1
 * @param recordTypes          the record types records may be created with
 * @param recordStatuses       the record statuses and the status type each one means
 * @param initialStatus        the status every new record starts in
 * @param contactTypes         allowed contact type values; a record contact must have one
 * @param priorities           allowed priority values
 * @param reportedChannels     allowed reported-channel values
 * @param departments          the agency's department keys (seven parts, as {@code CIVIC311/CODE/ENFORCE/NA/NA/NA/NA});
 *                             when any are given, a record's assignedToDepartment must be one of them
 * @param customForms          custom forms (ASI groups) every record type carries, with their field names
 * @param workflow             the workflow every new record starts
 * @param staffFinishAfter     when set, staff finish every new record's workflow this long after it was created,
 *                             giving each task its first completing status (the demo under load, the benchmark);
 *                             unset, nothing finishes by itself
 */
@ConfigurationProperties(prefix = "civic311.simulators.accela")
public record AccelaSimulatorProperties(
        boolean enabled,
        @DefaultValue("/sim/accela") String basePath,
        @DefaultValue("CIVIC311") String agency,
        @DefaultValue("TEST") List<String> environments,
        List<App> apps,
        List<User> users,
        @DefaultValue("3600s") Duration accessTokenLifetime,
        @DefaultValue("7d") Duration refreshTokenLifetime,
        @DefaultValue("UTC") String timeZone,
        @DefaultValue("CAP") String recordIdCode,
        List<RecordTypeSetting> recordTypes,
        List<RecordStatusSetting> recordStatuses,
        @DefaultValue("Received") String initialStatus,
        @DefaultValue({"Complainant", "Applicant", "Property Owner"}) List<String> contactTypes,
        @DefaultValue({"High", "Medium", "Low"}) List<String> priorities,
        @DefaultValue({"Call Center", "Email", "Internet", "Mobile App", "Phone", "Walk In"}) List<String> reportedChannels,
        List<String> departments,
        List<CustomFormSetting> customForms,
        WorkflowSetting workflow,
        Duration staffFinishAfter) {

    public AccelaSimulatorProperties {
        apps = apps != null ? apps : List.of(new App("demo", "demo"));
        departments = departments != null ? List.copyOf(departments) : List.of();
        users = users != null ? users : List.of(new User("demo", "demo"));
        recordTypes = recordTypes != null ? recordTypes : List.of(
                new RecordTypeSetting("ServiceRequest/Trees and Weeds/Tall Grass and Weeds/NA", "Tall Grass and Weeds", null, "SR", null),
                new RecordTypeSetting("ServiceRequest/Property Maintenance/Junk and Debris/NA", "Junk and Debris", null, "SR", null),
                new RecordTypeSetting("ServiceRequest/Vehicles/Abandoned Vehicle/NA", "Abandoned Vehicle", null, "SR", null),
                new RecordTypeSetting("Enforcement/Housing/Property Maintenance/NA", "Housing Code Violation", null, "CE", null));
        recordStatuses = recordStatuses != null ? recordStatuses : List.of(
                new RecordStatusSetting("Received", StatusType.OPEN),
                new RecordStatusSetting("In Progress", StatusType.OPEN),
                new RecordStatusSetting("Closed", StatusType.CLOSED),
                new RecordStatusSetting("Complete", StatusType.COMPLETE));
        customForms = customForms != null ? customForms : List.of(new CustomFormSetting("CIVIC311-INTAKE",
                List.of("Civic311 Task ID", "Tracking Number", "Service Code", "Due Date"),
                List.of(new FieldTypeSetting("Due Date", CustomFieldType.DATE))));
        workflow = workflow != null ? workflow : new WorkflowSetting("CE_INVESTIGATION", List.of(
                new TaskSetting("Investigation", "Code Enforcement", 10, List.of(
                        new TaskStatusSetting("In Progress", false, "In Progress"),
                        new TaskStatusSetting("Violation Corrected", true, "Complete"),
                        new TaskStatusSetting("No Violation Found", true, "Closed")))));
    }

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
     * @param requiredFields   what a Create Record request of this type must carry, as an agency configures it (and
     *                         {@code GET /v4/records/describe/create} lists): top-level fields such as {@code priority}
     *                         or {@code assignedToDepartment}, and fields of the primary address as
     *                         {@code addresses.streetName}. A request without one is a data_validation_error
     */
    public record RecordTypeSetting(String value, String alias, String module, String customIdPrefix,
                                    List<String> requiredFields) {

        public RecordTypeSetting {
            requiredFields = requiredFields == null ? List.of() : List.copyOf(requiredFields);
        }
    }

    /** A record status and its type. */
    public record RecordStatusSetting(String value, StatusType type) {
    }

    /**
     * A custom form: its id (like {@code GROUP-SUBGROUP}), the names of its fields, and the type of each field that is
     * not Text.
     */
    public record CustomFormSetting(String id, List<String> fields, List<FieldTypeSetting> types) {

        public CustomFormSetting {
            types = types == null ? List.of() : List.copyOf(types);
        }

        /** The field's type; Text unless {@code types} says otherwise. */
        CustomFieldType type(String field) {
            return types.stream().filter(typed -> typed.field().equals(field)).map(FieldTypeSetting::type)
                    .findFirst().orElse(CustomFieldType.TEXT);
        }
    }

    /** The type of one custom-form field. */
    public record FieldTypeSetting(String field, CustomFieldType type) {
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
}
