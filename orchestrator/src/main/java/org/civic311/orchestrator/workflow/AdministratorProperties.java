package org.civic311.orchestrator.workflow;

import java.nio.file.Path;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.civic311.connectors.SecretSetting;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * The engine's first administrator (Cockpit, Admin, {@code /engine-rest}). Required: an engine without one would
 * let whoever comes first make themselves administrator.
 *
 * @param id       the administrator's user id: letters and digits, as the engine requires of user ids
 * @param password from the environment, or read from {@code civic311.admin.password-file} (a mounted secret)
 */
@Validated
@ConfigurationProperties("civic311.admin")
record AdministratorProperties(
        @NotBlank @Pattern(regexp = "[a-zA-Z0-9]*", message = "must be letters and digits only") String id,
        @NotBlank String password) {

    @ConstructorBinding
    AdministratorProperties(String id, String password, Path passwordFile) {
        this(id, SecretSetting.resolve("civic311.admin.password", password, passwordFile));
    }
}
