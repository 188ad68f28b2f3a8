package org.civic311.connectors.accela;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Accela's dates: agency-local {@code yyyy-MM-dd HH:mm:ss} without an offset, in both directions. Reading
 * them as UTC would shift every poll window and due date by the agency's offset. Agencies also answer a bare
 * {@code yyyy-MM-dd} and a UTC instant ({@code 2014-05-01T07:00:00Z}); all three are read.
 */
final class AgencyTime {

    private static final DateTimeFormatter ACCELA = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int DAY_LENGTH = "yyyy-MM-dd".length();
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

    /**
     * Whether a date Accela wrote dates a moment rather than a day. A bare day does not, and neither does a time that
     * could be midnight in some zone (a whole quarter hour, no seconds): agencies store a day as midnight, in their
     * zone or their server's, and write it as a local time or a UTC instant ({@code 2014-05-01T07:00:00Z}).
     */
    boolean hasTimeOfDay(String text) {
        ZonedDateTime written = written(text);
        if (written == null || text.strip().length() == DAY_LENGTH) {
            return false;
        }
        LocalTime clock = written.toLocalTime();
        return clock.getSecond() != 0 || clock.getNano() != 0 || clock.getMinute() % 15 != 0;
    }

    /** Reads a date Accela wrote; null when absent or unreadable (a date is never worth failing a poll over). */
    Instant parse(String text) {
        ZonedDateTime written = written(text);
        return written == null ? null : written.toInstant();
    }

    /**
     * The date as written: a bare day is its first moment in the agency's zone, a date-time without an offset is the
     * agency's, and one with an offset (or Z) keeps it. A local time the agency's clocks showed twice (when they go
     * back) is taken for the later of the two: a change dated so is then read again rather than passed over as older
     * than the watermark, and its update id makes it count once.
     */
    private ZonedDateTime written(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == DAY_LENGTH) {
                return LocalDate.parse(value).atStartOfDay(zone);
            }
            if (value.length() >= 19 && value.charAt(10) == ' ') {
                return LocalDateTime.parse(value.substring(0, 19), ACCELA).atZone(zone).withLaterOffsetAtOverlap();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(value).toZonedDateTime();
            }
            return LocalDateTime.parse(value).atZone(zone).withLaterOffsetAtOverlap();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
