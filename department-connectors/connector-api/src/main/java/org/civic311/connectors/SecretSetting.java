package org.civic311.connectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A connector's secret, given either as a value (from the environment) or as a file (a mounted secret), never
 * both and never neither. Secrets stay out of the repository and the database.
 * <p>
 * A settings record states "given" as a constraint ({@link #isGiven}), so a missing secret is reported with the
 * other missing settings; a secret given twice or a file that cannot be read is an {@link InvalidSettingException}.
 */
public final class SecretSetting {

    private SecretSetting() {
    }

    /** Whether the secret is given at all, as a value or as a file. */
    public static boolean isGiven(String value, Path file) {
        return value != null && !value.isBlank() || file != null;
    }

    /**
     * Checks at start what {@link #resolve} would find wrong, except a secret that is not given at all.
     *
     * @throws InvalidSettingException naming the property
     */
    public static void check(String property, String value, Path file) {
        if (isGiven(value, file)) {
            resolve(property, value, file);
        }
    }

    /**
     * @param property the value's full property name, e.g. {@code civic311.connectors.accela.password}; the file's
     *                 is the same with {@code -file}
     * @throws InvalidSettingException naming both properties, so that startup fails with a sentence an operator can act on
     */
    public static String resolve(String property, String value, Path file) {
        boolean given = value != null && !value.isBlank();
        if (given && file != null) {
            throw new InvalidSettingException(property + " and " + property
                    + "-file are both set: keep one, so it is clear which one is used");
        }
        if (given) {
            return value;
        }
        if (file == null) {
            throw new InvalidSettingException(property + " or " + property
                    + "-file must be set (from the environment or a mounted secret file, never the repository)");
        }
        try {
            String read = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (read.isEmpty()) {
                throw new InvalidSettingException(property + "-file " + file + " is empty");
            }
            return read;
        } catch (IOException e) {
            // Not chained: the startup failure's root cause should be this sentence, which already names the error.
            throw new InvalidSettingException(property + "-file " + file + " cannot be read: " + e);
        }
    }
}
