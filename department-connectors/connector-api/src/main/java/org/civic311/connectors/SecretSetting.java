package org.civic311.connectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A connector's secret, given either as a value (from the environment) or as a file (a mounted secret), never
 * both and never neither. Secrets stay out of the repository and the database.
 */
public final class SecretSetting {

    private SecretSetting() {
    }

    /**
     * @param property the value's full property name, e.g. {@code civic311.connectors.accela.password}; the file's
     *                 is the same with {@code -file}
     * @throws IllegalStateException naming both properties, so that startup fails with a sentence an operator can act on
     */
    public static String resolve(String property, String value, Path file) {
        boolean given = value != null && !value.isBlank();
        if (given && file != null) {
            throw new IllegalStateException(property + " and " + property
                    + "-file are both set: keep one, so it is clear which one is used");
        }
        if (given) {
            return value;
        }
        if (file == null) {
            throw new IllegalStateException(property + " or " + property
                    + "-file must be set (from the environment or a mounted secret file, never the repository)");
        }
        try {
            String read = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (read.isEmpty()) {
                throw new IllegalStateException(property + "-file " + file + " is empty");
            }
            return read;
        } catch (IOException e) {
            // Not chained: the startup failure's root cause should be this sentence, which already names the error.
            throw new IllegalStateException(property + "-file " + file + " cannot be read: " + e);
        }
    }
}
