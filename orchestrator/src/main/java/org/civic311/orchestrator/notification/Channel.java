package org.civic311.orchestrator.notification;

/** Where a notice goes. */
public enum Channel {
    EMAIL, SMS
}
