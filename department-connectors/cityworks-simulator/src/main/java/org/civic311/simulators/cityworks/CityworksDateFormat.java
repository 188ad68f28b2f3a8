package org.civic311.simulators.cityworks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Dates on the wire. Cityworks writes server-local {@code YYYY-MM-DDThh:mm:ss} with no zone; the
 * simulated server's local zone is UTC, so what it writes is UTC and a zone-less date it reads is UTC.
 * It also reads ISO dates with {@code Z} or an offset, as cw-sdk sends them.
 */
final class CityworksDateFormat {

    private static final DateTimeFormatter WIRE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private CityworksDateFormat() {
    }

    static String format(Instant instant) {
        return instant == null ? null : WIRE.format(instant);
    }

    /** Empty for blank text and for {@code 0001-01-01T00:00:00}, which Cityworks uses for "no date". */
    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Instant instant = parseInstant(text.trim());
        return instant.atOffset(ZoneOffset.UTC).getYear() <= 1 ? Optional.empty() : Optional.of(instant);
    }

    private static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithZone) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
        }
    }
}
