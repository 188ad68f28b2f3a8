package org.civic311.orchestrator.escalation;

/** A supervisor's action that cannot be done as submitted; the message says what to change. Nothing was changed. */
public class SupervisorActionRefused extends RuntimeException {

    SupervisorActionRefused(String message) {
        super(message);
    }
}
