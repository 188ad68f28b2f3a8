package org.civic311.orchestrator.workflow;

import java.nio.file.Path;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.civic311.connectors.SecretSetting;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The engine's first administrator (Cockpit, Admin, {@code /engine-rest}). Required: an engine without one would
 * let whoever comes first make themselves administrator.
 *
 * @param id           the administrator's user id (letters and digits, with single dots, hyphens or underscores
 *                     between them); with a directory, a user of the directory
 * @param password     from the environment (CIVIC311_ADMIN_PASSWORD), never in a file in the repository; not
 *                     given when staff come from the directory, which holds the password
 * @param passwordFile instead of {@code password}: a file holding it (a mounted secret), read once at start
 */
@Validated
@ConfigurationProperties(AdministratorProperties.PREFIX)
record AdministratorProperties(
        @NotBlank(message = "the user id of the engine's first administrator (Cockpit, Admin, /engine-rest),"
                + " e.g. cityops")
        @Pattern(regexp = StaffProperties.ID, message = StaffProperties.ID_RULE) String id,
        String password,
        Path passwordFile) {

    static final String PREFIX = "civic311.admin";

    AdministratorProperties {
        SecretSetting.check(PREFIX + ".password", password, passwordFile);
    }

    /** Required unless staff come from the directory, which holds the administrator's password then. */
    boolean hasPassword() {
        return SecretSetting.isGiven(password, passwordFile);
    }

    /** The password, read from {@code password-file} when that is how it is given. */
    String resolvePassword() {
        return SecretSetting.resolve(PREFIX + ".password", password, passwordFile);
    }
}
