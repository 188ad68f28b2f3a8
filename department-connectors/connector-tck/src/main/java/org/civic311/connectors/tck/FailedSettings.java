package org.civic311.connectors.tck;

import java.util.List;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.validation.FieldError;

/** The settings a start failed on (each once, however many of its rules it broke), by their full property names, as an operator writes them in configuration. */
public final class FailedSettings {

    private FailedSettings() {
    }

    /** @return e.g. {@code civic311.connectors.email.token-secret}, empty when the start failed for another reason */
    public static List<String> of(Throwable startupFailure) {
        for (Throwable cause = startupFailure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindValidationException invalid) {
                return invalid.getValidationErrors().getAllErrors().stream()
                        .filter(FieldError.class::isInstance).map(FieldError.class::cast)
                        .map(error -> error.getObjectName() + "." + DataObjectPropertyName.toDashedForm(error.getField()))
                        .distinct()
                        .toList();
            }
        }
        return List.of();
    }
}
