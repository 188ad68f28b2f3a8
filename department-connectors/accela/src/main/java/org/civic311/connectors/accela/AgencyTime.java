package org.civic311.connectors.accela;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Accela's dates: agency-local {@code yyyy-MM-dd HH:mm:ss} without an offset, in both directions. Reading
 * them as UTC would shift every poll window and due date by the agency's offset.
 */
final class AgencyTime {

    private static final DateTimeFormatter ACCELA = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter PEOPLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    AgencyTime(ZoneId zone) {
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    /** As Accela takes a date-time, e.g. in a search's {@code statusDateFrom}; seconds are dropped, not rounded. */
    String format(Instant instant) {
        return ACCELA.format(instant.atZone(zone));
    }

    /** The first moment of the agency-local day the instant falls on. */
    Instant startOfDay(Instant instant) {
        return instant.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    /** For people reading a record: {@code 2026-03-04 17:00 (America/Chicago)}. */
    String forPeople(Instant instant) {
        return PEOPLE.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** Reads a date Accela wrote; null when absent or unreadable (a date is never worth failing a poll over). */
    Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            if (value.length() >= 19 && value.charAt(10) == ' ') {
                return LocalDateTime.parse(value.substring(0, 19), ACCELA).atZone(zone).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
