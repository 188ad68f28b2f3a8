package org.civic311.orchestrator.routing;

/** Rule files that cannot be put in force: they do not compile, or they leave a request type to triage alone. */
public class RulesRejected extends RuntimeException {

    public RulesRejected(String message) {
        super(message);
    }

    public RulesRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
