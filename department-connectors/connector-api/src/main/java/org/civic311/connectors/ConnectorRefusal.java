package org.civic311.connectors;

/**
 * The department system refused the work for a reason that will not change on a retry: a validation error, a
 * field it will not take, an agency script that rejects the record. The orchestrator raises an incident at once
 * with {@link #getMessage()} (the system's own words) instead of retrying; a person fixes the cause and retries.
 */
public class ConnectorRefusal extends ConnectorException {

    public ConnectorRefusal(String message) {
        super(message);
    }

    public ConnectorRefusal(String message, Throwable cause) {
        super(message, cause);
    }
}
