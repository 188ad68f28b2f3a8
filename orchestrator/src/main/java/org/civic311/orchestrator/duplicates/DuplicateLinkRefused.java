package org.civic311.orchestrator.duplicates;

/** A link or unlink staff asked for cannot be made; nothing was changed. The message says why. */
public class DuplicateLinkRefused extends RuntimeException {

    private final boolean unknownRequest;

    DuplicateLinkRefused(String message, boolean unknownRequest) {
        super(message);
        this.unknownRequest = unknownRequest;
    }

    DuplicateLinkRefused(String message) {
        this(message, false);
    }

    /** Whether the refusal is that a named request does not exist. */
    public boolean unknownRequest() {
        return unknownRequest;
    }
}
