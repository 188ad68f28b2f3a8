package org.civic311.connectors.accela;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.civic311.connectors.SecretSetting;
import org.civic311.connectors.Timeout;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Accela connector: one Accela agency (where it is, the app and the user we log in as), and how each
 * department that works in it writes its records. Which record type a request becomes is no setting: the routing
 * rules name it (the work type of their decision). Checked at start (only when the
 * connector is enabled): a half-configured agency would otherwise take every task into a retry loop that ends in an
 * incident. Each constraint's message says what the setting is for, which is what an operator reads when it is missing.
 * <p>
 * Secrets come from the environment ({@code CIVIC311_CONNECTORS_ACCELA_APPSECRET}) or from files mounted by the
 * deployment ({@code app-secret-file}, {@code password-file}), never from the database or the repository.
 *
 * @param enabled            whether departments can be routed to the "accela" system
 * @param authUrl            base of the token endpoint ({@code <auth-url>/oauth2/token}), e.g. {@code https://auth.accela.com}
 * @param apiUrl             base of the Construct API ({@code <api-url>/v4/...}), e.g. {@code https://apis.accela.com}
 * @param appId              the agency app registered at developer.accela.com (x-accela-appid, client_id)
 * @param appSecret          the app's secret; prefer {@code app-secret-file} or the environment
 * @param appSecretFile      a file holding the app's secret, read at each login so a rotated secret is picked up
 * @param username           the Civic Platform user the integration acts as (password grant)
 * @param password           that user's password; prefer {@code password-file} or the environment
 * @param passwordFile       a file holding that user's password, read at each login
 * @param agency             the agency name (agency_name, x-accela-agency)
 * @param environment        the agency environment, e.g. {@code PROD} or {@code TEST} (x-accela-environment)
 * @param scope              the OAuth2 scopes asked for, space-separated
 * @param zone               the agency's time zone. Accela writes and reads dates as agency-local
 *                           {@code yyyy-MM-dd HH:mm:ss} without an offset, so polling and due dates are wrong by hours
 *                           if this is wrong
 * @param connectTimeout     how long to wait for a connection to Accela (token endpoint and API)
 * @param readTimeout        how long to wait for Accela to answer one call (token endpoint and API)
 * @param reportedChannel    the reportedChannel value records are created with; must be one of the agency's values.
 *                           Empty sends none
 * @param contactType        the contact type the resident is added to records as; one of the agency's contact types
 * @param priorities         our routing priority (P1, P2...) to the agency's priority value. A priority not listed, or
 *                           listed with an empty value, is not sent. Configured entries change the defaults one by one
 * @param inProgressStatuses record statuses (of an open record) that mean the department has started the work. Status
 *                           values are agency-configured; closing and cancelling are read from the status type, which
 *                           is fixed by Accela
 * @param cancelStatus       the record status Civic311 gives a record whose work it withdraws, e.g. {@code Void} or
 *                           {@code Withdrawn}: one of the agency's statuses. Empty: Civic311 withdraws nothing in
 *                           Accela, and the agency's clerks learn of it from the request
 * @param statusTypes        the agency's record status values and the status type each has (Void: VOID), for an
 *                           agency whose records come without their status type: polls then ask for records of every
 *                           status type. Empty (the default) means the agency sends statusType, and polls ask only
 *                           for the status types that mean something to a task; a record that comes without one all
 *                           the same is read by Closed CLOSED, Complete COMPLETE, Void VOID, Denied DENIED, and its
 *                           dates: completeDate means COMPLETE, closedDate CLOSED
 * @param departments        department code (as routed, e.g. {@code code-enforcement}) to how its records are created
 */
@ConfigurationProperties(AccelaConnectorProperties.PREFIX)
@Validated
public record AccelaConnectorProperties(
        boolean enabled,
        @NotBlank(message = "the token endpoint's base, e.g. https://auth.accela.com") String authUrl,
        @NotBlank(message = "the API's base, e.g. https://apis.accela.com") String apiUrl,
        @NotBlank(message = "the agency app's id") String appId,
        String appSecret,
        Path appSecretFile,
        @NotBlank(message = "the Civic Platform user the integration acts as") String username,
        String password,
        Path passwordFile,
        @NotBlank(message = "the agency name") String agency,
        @NotBlank(message = "the agency environment, e.g. PROD or TEST") String environment,
        @DefaultValue("records") @NotBlank(message = "the OAuth2 scopes, e.g. records") String scope,
        @DefaultValue("UTC") @NotNull(message = "the agency's time zone") ZoneId zone,
        @DefaultValue("10s") @Timeout Duration connectTimeout,
        @DefaultValue("30s") @Timeout Duration readTimeout,
        @DefaultValue("Internet") String reportedChannel,
        @DefaultValue("Complainant") @NotBlank(message = "the agency's contact type for the resident, e.g. Complainant")
        String contactType,
        Map<String, String> priorities,
        @DefaultValue("In Progress") List<String> inProgressStatuses,
        String cancelStatus,
        Map<String, @NotNull @Pattern(regexp = "(?i)APPROVED|CLOSED|COMPLETE|DENIED|INCOMPLETE|OPEN|PENDING|UNASSIGNED|VOID",
                message = "must be one of Accela's status types: APPROVED CLOSED COMPLETE DENIED INCOMPLETE OPEN PENDING"
                        + " UNASSIGNED VOID") String> statusTypes,
        @NotEmpty(message = "the departments that work in Accela, e.g. " + PREFIX
                + ".departments.code-enforcement.custom-form.id=CIVIC311-INTAKE")
        Map<String, @NotNull @Valid Department> departments) {

    static final String PREFIX = "civic311.connectors.accela";

    private static final Map<String, String> DEFAULT_STATUS_TYPES = Map.of("Closed", "CLOSED", "Complete", "COMPLETE",
            "Void", "VOID", "Denied", "DENIED");

    private static final Map<String, String> DEFAULT_PRIORITIES = Map.of("P1", "High", "P2", "High", "P3", "Medium",
            "P4", "Low");

    public AccelaConnectorProperties {
        priorities = withDefaults(priorities);
        statusTypes = statusTypes == null ? Map.of() : Map.copyOf(statusTypes);
        inProgressStatuses = inProgressStatuses == null ? List.of() : List.copyOf(inProgressStatuses);
        departments = departments == null ? Map.of() : Map.copyOf(departments);
        SecretSetting.check(PREFIX + ".app-secret", appSecret, appSecretFile);
        SecretSetting.check(PREFIX + ".password", password, passwordFile);
    }

    /** Whether the agency's records come with their status type: no status-types table says otherwise. */
    boolean agencySendsStatusType() {
        return statusTypes.isEmpty();
    }

    /** The status types of the agency's status values: the configured table, else the usual one. */
    Map<String, String> statusTypeTable() {
        return statusTypes.isEmpty() ? DEFAULT_STATUS_TYPES : statusTypes;
    }

    /** Named for the setting it checks, so that a failure names {@code app-secret}. */
    @AssertTrue(message = "the agency app's secret: give app-secret, or app-secret-file (a mounted secret)")
    boolean isAppSecret() {
        return SecretSetting.isGiven(appSecret, appSecretFile);
    }

    /** Named for the setting it checks, so that a failure names {@code password}. */
    @AssertTrue(message = "the integration user's password: give password, or password-file (a mounted secret)")
    boolean isPassword() {
        return SecretSetting.isGiven(password, passwordFile);
    }

    /** The app secret, read from its file when one is configured. */
    String resolvedAppSecret() {
        return SecretSetting.resolve(PREFIX + ".app-secret", appSecret, appSecretFile);
    }

    /** The user's password, read from its file when one is configured. */
    String resolvedPassword() {
        return SecretSetting.resolve(PREFIX + ".password", password, passwordFile);
    }

    boolean cancels() {
        return cancelStatus != null && !cancelStatus.isBlank();
    }

    /** For an error message about a call that went unanswered. */
    String timeouts() {
        return "connect-timeout " + connectTimeout.toMillis() + "ms, read-timeout " + readTimeout.toMillis() + "ms";
    }

    /** The department's settings, or null when the department does not work in Accela. */
    Department department(String code) {
        return ConfiguredKey.find(departments, code);
    }

    /** The default priorities, each changed by a configured entry for the same priority however its key was written. */
    private static Map<String, String> withDefaults(Map<String, String> configured) {
        Map<String, String> given = configured == null ? Map.of() : configured;
        Map<String, String> merged = new LinkedHashMap<>(given);
        DEFAULT_PRIORITIES.forEach((priority, value) -> {
            if (ConfiguredKey.find(given, priority) == null) {
                merged.put(priority, value);
            }
        });
        return Map.copyOf(merged);
    }

    /**
     * A department that works in Accela.
     *
     * @param customForm           the custom form (ASI group) our intake fields are written to
     * @param assignedToDepartment the department records are assigned to (assignedToDepartment), as Accela's seven-part
     *                             key, e.g. {@code CIVIC311/CODE/ENFORCE/NA/NA/NA/NA}; the agency's default when empty
     * @param createBody           how new records of this department are written, for agencies that require more
     *                             than the defaults
     * @param createBodies         the same for one request type (service code) whose record type needs another body;
     *                             it replaces {@code create-body} whole
     */
    public record Department(
            @DefaultValue @Valid CustomForm customForm,
            @Pattern(regexp = SEVEN_PART_KEY, message = SEVEN_PART_MESSAGE) String assignedToDepartment,
            @DefaultValue @Valid CreateBody createBody,
            Map<String, @NotNull @Valid CreateBody> createBodies) {

        public Department {
            createBodies = createBodies == null ? Map.of() : Map.copyOf(createBodies);
        }

        /** How a record for this request type is written. */
        CreateBody createBody(String serviceCode) {
            CreateBody own = ConfiguredKey.find(createBodies, serviceCode);
            return own != null ? own : createBody;
        }
    }

    /** An Accela department key: agency, bureau, division, section, group, office and one more level. */
    static final String SEVEN_PART_KEY = "[^/]*[^/\\s][^/]*(/[^/]*[^/\\s][^/]*){6}";
    static final String SEVEN_PART_MESSAGE = "must be an Accela department key of seven parts, e.g."
            + " CIVIC311/CODE/ENFORCE/NA/NA/NA/NA";

    /**
     * How the Create Record body is written. Agencies commonly require a structured address and their own priority
     * codes; {@code GET /v4/records/describe/create?type=...} lists what an agency requires of a record type.
     *
     * @param address              LINE: the address as one line ({@code addressLine1}) with the coordinates; STRUCTURED:
     *                             also split into {@code streetStart}, {@code direction}, {@code streetName},
     *                             {@code streetSuffix}, with {@code city} and {@code state}
     * @param city                 the {@code city} of structured addresses (Open311 reports carry none)
     * @param state                the {@code state} value of structured addresses, as the agency lists it, e.g. IL
     * @param priorities           our priority (P1...) to the agency's priority value or code for these records;
     *                             unlisted priorities fall back to the connector's {@code priorities}
     * @param assignedToDepartment the department key these records are assigned to, instead of the department's
     */
    public record CreateBody(
            @DefaultValue("LINE") @NotNull AddressFormat address,
            String city,
            String state,
            Map<String, String> priorities,
            @Pattern(regexp = SEVEN_PART_KEY, message = SEVEN_PART_MESSAGE) String assignedToDepartment) {

        public CreateBody {
            priorities = priorities == null ? Map.of() : Map.copyOf(priorities);
        }

        /** A structured address is written only with the city and state the agency needs with it. */
        @AssertTrue(message = "a STRUCTURED address needs the city and state: set city and state")
        boolean isAddressComplete() {
            return address != AddressFormat.STRUCTURED || city != null && !city.isBlank() && state != null
                    && !state.isBlank();
        }
    }

    /** How a record's address is written. */
    public enum AddressFormat { LINE, STRUCTURED }

    /**
     * The custom form our intake fields go to, and the name of each field in it. A field whose name is set empty is
     * not written; an empty {@code id} writes no custom form at all.
     *
     * @param dueDateField  a Date field: written as {@code MM/dd/yyyy}, the agency's day
     * @param answerFields  fields that take a resident's answer, each with the field's type in the agency's form
     */
    public record CustomForm(
            @DefaultValue("CIVIC311-INTAKE") String id,
            @DefaultValue("Civic311 Task ID") String taskIdField,
            @DefaultValue("Tracking Number") String trackingNumberField,
            @DefaultValue("Service Code") String serviceCodeField,
            @DefaultValue("Due Date") String dueDateField,
            List<@NotNull @Valid AnswerField> answerFields) {

        public CustomForm {
            answerFields = answerFields == null ? List.of() : List.copyOf(answerFields);
        }

        boolean isWritten() {
            return id != null && !id.isBlank();
        }
    }

    /**
     * A custom-form field that takes the resident's answer to one of the request type's questions.
     *
     * @param attribute the question's code, as the request type names it, e.g. {@code vacant_lot}
     * @param field     the field's name in the agency's form, e.g. {@code Vacant Lot}
     * @param type      the field's type there: TEXT (at most 256 characters), DATE (MM/dd/yyyy), CHECKBOX
     *                  (CHECKED/UNCHECKED) or RADIO (Yes/No)
     */
    public record AnswerField(
            @NotBlank(message = "the question's code, e.g. vacant_lot") String attribute,
            @NotBlank(message = "the field's name in the agency's custom form") String field,
            @DefaultValue("TEXT") @NotNull CustomFieldFormat type) {
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
