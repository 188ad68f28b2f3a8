package org.civic311.orchestrator.request;

import java.util.Locale;
import java.util.Optional;

/** How a resident wants to hear back about their request: Open311's {@code notify} extension field. */
public enum NotifyBy {
    EMAIL, SMS, BOTH, NONE;

    public boolean byEmail() {
        return this == EMAIL || this == BOTH;
    }

    public boolean bySms() {
        return this == SMS || this == BOTH;
    }

    /** The word a client sends, in any case; empty for a word that is none of them. */
    public static Optional<NotifyBy> of(String word) {
        for (NotifyBy value : values()) {
            if (value.name().equalsIgnoreCase(word)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** Email when the resident gave an address, else a text when they gave a phone number, else nothing. */
    public static NotifyBy defaultFor(Resident resident) {
        if (resident.email() != null && !resident.email().isBlank()) {
            return EMAIL;
        }
        return resident.phone() != null && !resident.phone().isBlank() ? SMS : NONE;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
