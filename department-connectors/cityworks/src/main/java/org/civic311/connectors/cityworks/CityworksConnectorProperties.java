package org.civic311.connectors.cityworks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
 * Settings of the Cityworks connector: one Cityworks site, the login Civic311 uses there, and for each department
 * that works in Cityworks whether it gets service requests or work orders. Which problem type or template a request
 * becomes is no setting: the routing rules name it (the work type of their decision). Checked at start (only when
 * the connector is enabled). Each constraint's message says what the setting is for, which is what an operator reads
 * when it is missing.
 *
 * @param enabled            whether departments can be routed to the "cityworks" system
 * @param baseUrl            the site, e.g. {@code https://cityworks.city.gov/cityworks}; calls go to
 *                           {@code {base-url}/Services/...}
 * @param loginName          the Cityworks login Civic311 works as; give it only the rights it needs
 * @param password           that login's password, from the environment (CIVIC311_CONNECTORS_CITYWORKS_PASSWORD),
 *                           never in a file in the repository
 * @param passwordFile       instead of {@code password}: a file holding it (a mounted secret), read once at start
 * @param tokenPlacement     where the token goes: {@code both} (the default: the {@code Authorization: cityworks
 *                           <token>} header, which version 23 and later read, and the {@code token=} field, which
 *                           earlier versions read), {@code header} or {@code field} alone
 * @param zone               the Cityworks server's time zone, e.g. {@code America/Chicago}: Cityworks writes and
 *                           reads dates as its wall-clock time, without a zone. Required: a wrong zone shifts every
 *                           poll window by hours
 * @param coordinates        {@code wgs84} (the default) sends a location's longitude/latitude as X/Y with WKID 4326;
 *                           {@code none} sends no X/Y, for a site that cannot project from WGS84, and leaves the
 *                           point to its geocoder (the Address is always sent)
 * @param connectTimeout     how long to wait for a connection to the site
 * @param readTimeout        how long to wait for an answer; a Create on a busy site can take seconds
 * @param workOrderTaskField the work order field (Text1..Text20) that holds our task id, so a retry finds the work
 *                           order again
 * @param departments        department code (as routed, e.g. {@code urban-forestry}) to how it works in Cityworks
 */
@ConfigurationProperties(CityworksConnectorProperties.PREFIX)
@Validated
public record CityworksConnectorProperties(
        boolean enabled,
        @NotBlank(message = "the Cityworks site, e.g. https://cityworks.city.gov/cityworks")
        @Pattern(regexp = "(?i)\\s*https?://[^/\\s]+.*", message = "must be the http(s) address of the Cityworks site,"
                + " e.g. https://cityworks.city.gov/cityworks")
        String baseUrl,
        @NotBlank(message = "the Cityworks login Civic311 works as") String loginName,
        String password,
        Path passwordFile,
        @DefaultValue("both") @NotNull(message = "both, header or field") TokenPlacement tokenPlacement,
        @NotNull(message = "the Cityworks server's time zone, e.g. America/Chicago: its dates carry none") ZoneId zone,
        @DefaultValue("wgs84") @NotNull(message = "wgs84 or none") Coordinates coordinates,
        @DefaultValue("10s") @Timeout Duration connectTimeout,
        @DefaultValue("30s") @Timeout Duration readTimeout,
        @DefaultValue("Text1") @Pattern(regexp = "Text([1-9]|1[0-9]|20)", message = "must name one of the work order"
                + " fields Text1..Text20") String workOrderTaskField,
        @NotEmpty(message = "the departments that work in Cityworks, e.g. " + PREFIX
                + ".departments.urban-forestry.kind=service-request")
        Map<String, @NotNull @Valid Department> departments) {

    static final String PREFIX = "civic311.connectors.cityworks";

    public CityworksConnectorProperties {
        departments = departments == null ? Map.of() : Map.copyOf(departments);
        SecretSetting.check(PREFIX + ".password", password, passwordFile);
    }

    /** Named for the setting it checks, so that a failure names {@code password}. */
    @AssertTrue(message = "the password of the Cityworks login: give password, or password-file (a mounted secret)")
    boolean isPassword() {
        return SecretSetting.isGiven(password, passwordFile);
    }

    /** The password, read from {@code password-file} when that is how it is given. */
    String resolvePassword() {
        return SecretSetting.resolve(PREFIX + ".password", password, passwordFile);
    }

    /** The configured department, matched as the email connector does: department codes are lower case. */
    Optional<Department> department(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Department exact = departments.get(code);
        return Optional.ofNullable(exact != null ? exact : departments.get(code.toLowerCase(Locale.ROOT)));
    }

    /** Where the token goes on each call. */
    public enum TokenPlacement {
        /** The header and the field: any version reads one of them. */
        BOTH,
        /** {@code Authorization: cityworks <token>}, for version 23 and later. */
        HEADER,
        /** The {@code token=} form field, for versions before 23. */
        FIELD;

        boolean inHeader() {
            return this != FIELD;
        }

        boolean inField() {
            return this != HEADER;
        }
    }

    /** What is sent as a location's X/Y. */
    public enum Coordinates {
        /** Longitude/latitude with WKID 4326; the site projects them into its map. */
        WGS84,
        /** No X/Y: the site geocodes the Address. */
        NONE
    }

    /** What a department's work becomes in Cityworks. */
    public enum Kind {
        /** A service request (Ams/ServiceRequest), filed under a problem type (ProblemSid). */
        SERVICE_REQUEST,
        /** A work order (Ams/WorkOrder), made from a template (WOTemplateId). */
        WORK_ORDER
    }

    /**
     * A department that works in Cityworks. The checks named for a setting ({@code isEntityType}) make a failure
     * name that setting.
     *
     * @param kind               what its work becomes: a service request filed under the problem type whose code the
     *                           routing rules give, or a work order from the template (WOTemplateId) they give
     * @param entityType         for {@code kind: work-order}: the EntityType work orders are created for, e.g.
     *                           {@code STREET} or {@code TREE}
     * @param submitToSid        the employee (sid) new requests or work orders are submitted to; Cityworks' own
     *                           default when empty
     * @param dispatchToSid      for service requests: the employee (sid) they are dispatched to
     * @param initiatedByApp     what Cityworks records as InitiatedByApp, so staff can see where a request came from
     */
    public record Department(
            @DefaultValue("service-request") @NotNull(message = "service-request or work-order") Kind kind,
            String entityType,
            Long submitToSid,
            Long dispatchToSid,
            @DefaultValue("Civic311") String initiatedByApp) {

        @AssertTrue(message = "the Cityworks EntityType work orders are created for, e.g. STREET")
        boolean isEntityType() {
            return kind != Kind.WORK_ORDER || entityType != null && !entityType.isBlank();
        }
    }
}
