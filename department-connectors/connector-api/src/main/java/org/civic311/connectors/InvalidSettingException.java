package org.civic311.connectors;

/**
 * A setting that is given but cannot be used (a secret file that cannot be read, a secret given twice). The message
 * is a sentence naming the setting, which is what an operator reads when the start fails.
 */
public class InvalidSettingException extends IllegalStateException {

    public InvalidSettingException(String message) {
        super(message);
    }
}
