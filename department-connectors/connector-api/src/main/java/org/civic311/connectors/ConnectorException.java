package org.civic311.connectors;

/** A department system could not be reached, refused our credentials, or refused the work. */
public class ConnectorException extends RuntimeException {

    public ConnectorException(String message) {
        super(message);
    }

    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
