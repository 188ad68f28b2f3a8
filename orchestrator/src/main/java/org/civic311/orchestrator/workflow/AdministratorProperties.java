package org.civic311.orchestrator.workflow;

import java.nio.file.Path;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.civic311.connectors.SecretSetting;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The engine's first administrator (Cockpit, Admin, {@code /engine-rest}). Required: an engine without one would
 * let whoever comes first make themselves administrator.
 *
 * @param id           the administrator's user id: letters and digits, as the engine requires of user ids
 * @param password     from the environment (CIVIC311_ADMIN_PASSWORD), never in a file in the repository
 * @param passwordFile instead of {@code password}: a file holding it (a mounted secret), read once at start
 */
@Validated
@ConfigurationProperties(AdministratorProperties.PREFIX)
record AdministratorProperties(
        @NotBlank(message = "the user id of the engine's first administrator (Cockpit, Admin, /engine-rest),"
                + " e.g. cityops")
        @Pattern(regexp = "[a-zA-Z0-9]*", message = "must be letters and digits only") String id,
        String password,
        Path passwordFile) {

    static final String PREFIX = "civic311.admin";

    AdministratorProperties {
        SecretSetting.check(PREFIX + ".password", password, passwordFile);
    }

    /** Named for the setting it checks, so that a failure names {@code password}. */
    @AssertTrue(message = "the password of the engine's first administrator: give password, or password-file"
            + " (a mounted secret)")
    boolean isPassword() {
        return SecretSetting.isGiven(password, passwordFile);
    }

    /** The password, read from {@code password-file} when that is how it is given. */
    String resolvePassword() {
        return SecretSetting.resolve(PREFIX + ".password", password, passwordFile);
    }
}
