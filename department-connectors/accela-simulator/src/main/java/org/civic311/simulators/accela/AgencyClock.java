package org.civic311.simulators.accela;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The agency's notion of time. Accela writes dates as agency-local {@code yyyy-MM-dd HH:mm:ss} with no
 * offset (or in another documented shape, {@link AnswerShapes}); it reads the same, a bare date, or (being
 * lenient, like the real parsers) an ISO-8601 date-time.
 */
final class AgencyClock {

    private static final DateTimeFormatter ACCELA = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Clock clock;
    private final ZoneId zone;
    private volatile Duration shift = Duration.ZERO;

    AgencyClock(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    Instant now() {
        return clock.instant().plus(shift);
    }

    /** From now on the agency's time is {@code at}, and goes on from there; null goes back to the real time. */
    void setTo(Instant at) {
        shift = at == null ? Duration.ZERO : Duration.between(clock.instant(), at);
    }

    ZoneId zone() {
        return zone;
    }

    /** Two-digit year, as record ids and customIds carry it. */
    String yearOfCentury() {
        return String.format("%02d", LocalDate.ofInstant(now(), zone).getYear() % 100);
    }

    /** Reads a date the client sent; a bare date means its first moment. */
    Instant parse(String text, String field) {
        return parse(text, field, false);
    }

    /**
     * Reads the end of a date range: a bare date means the whole day, so {@code closedDateTo=2026-03-01}
     * includes records closed that afternoon.
     */
    Instant parseRangeEnd(String text, String field) {
        return parse(text, field, true);
    }

    private Instant parse(String text, String field, boolean wholeDay) {
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (wholeDay ? date.plusDays(1).atStartOfDay(zone).minusNanos(1) : date.atStartOfDay(zone)).toInstant();
            }
            if (value.length() == 19 && value.charAt(10) == ' ') {
                return LocalDateTime.parse(value, ACCELA).atZone(zone).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw AccelaApiException.badRequest("Invalid date value '" + text + "' for " + field + ".",
                    "Use yyyy-MM-dd HH:mm:ss or yyyy-MM-dd.");
        }
    }
}
