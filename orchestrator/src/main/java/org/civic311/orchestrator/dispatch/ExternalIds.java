package org.civic311.orchestrator.dispatch;

import org.civic311.connectors.Digest;

/**
 * Ids from department systems (work item references, update ids such as an email's Message-ID) as they are stored.
 * Their columns hold 255 characters; a longer id would fail its insert on every poll and hold the system's watermark
 * for ever, so it is stored as its SHA-256 instead: stable, so it still matches and still counts once.
 */
final class ExternalIds {

    static final int COLUMN_SIZE = 255;

    private static final String HASHED = "sha256:";

    private ExternalIds() {
    }

    static String stored(String id) {
        if (id == null || id.length() <= COLUMN_SIZE) {
            return id;
        }
        return HASHED + Digest.sha256Hex(id);
    }
}
