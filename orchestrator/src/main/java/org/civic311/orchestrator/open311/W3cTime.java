package org.civic311.orchestrator.open311;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Open311's datetimes: the W3C profile of ISO 8601, always with an offset. Written in the city's time zone. */
@Component
public class W3cTime {

    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final ZoneId zone;

    W3cTime(@Value("${civic311.zone}") ZoneId zone) {
        this.zone = zone;
    }

    /** {@code 2026-05-01T14:30:00-05:00}; null for null. */
    public String format(Instant instant) {
        return instant == null ? null : W3C.format(instant.atZone(zone));
    }

    /**
     * Reads {@code 2026-05-01T14:30:00-05:00}, {@code …Z}, with or without seconds and fractions; a date alone
     * ({@code 2026-05-01}, which the W3C profile allows) means the start of that day in the city.
     */
    public Optional<Instant> parse(String text) {
        // A '+' not encoded in a query string arrives as a space.
        String w3c = text.strip().replace(' ', '+');
        try {
            return Optional.of(OffsetDateTime.parse(w3c).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDate.parse(w3c).atStartOfDay(zone).toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
