package org.civic311.orchestrator.duplicates;

/** The running processes of requests, as far as linking duplicates needs them. */
public interface RequestProcesses {

    /**
     * Ends the running process of the request without closing the request: it follows another request now. Its
     * department task must already be withdrawn.
     */
    void endForDuplicate(String trackingNumber, String reason);
}
