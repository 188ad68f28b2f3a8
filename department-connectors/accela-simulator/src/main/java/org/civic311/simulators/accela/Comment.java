package org.civic311.simulators.accela;

import java.time.Instant;

/** A record comment. */
record Comment(long id, String text, String displayOnInspection, String createdBy, Instant createdDate) {
}
