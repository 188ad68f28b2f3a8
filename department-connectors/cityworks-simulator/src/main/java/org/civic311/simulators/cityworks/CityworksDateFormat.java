package org.civic311.simulators.cityworks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Dates on the wire. Cityworks keeps server-local wall-clock times ({@code YYYY-MM-DDThh:mm:ss}, no zone) in its
 * database, writes them so and compares Search ranges against them as wall-clock times: the simulated server does
 * the same in its configured zone ({@code civic311.simulators.cityworks.zone}). It also reads ISO dates with
 * {@code Z} or an offset, as cw-sdk sends them, turning them into the server's wall-clock time first.
 */
final class CityworksDateFormat {

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final ZoneId zone;

    CityworksDateFormat(ZoneId zone) {
        this.zone = zone;
    }

    String format(Instant instant) {
        return instant == null ? null : WIRE.format(wallClock(instant));
    }

    /** The server's wall-clock time of an instant: what its database column holds. */
    LocalDateTime wallClock(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    /**
     * Empty for blank text and for {@code 0001-01-01T00:00:00}, which Cityworks uses for "no date". A wall-clock
     * time the zone passes twice (the hour clocks go back) is the earlier instant, as SQL Server would convert it.
     */
    Optional<Instant> parse(String text) {
        return parseWallClock(text).map(this::instant);
    }

    Instant instant(LocalDateTime wallClock) {
        return wallClock.atZone(zone).toInstant();
    }

    /** The server's wall-clock time a date on the wire stands for; empty as {@link #parse}. */
    Optional<LocalDateTime> parseWallClock(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        LocalDateTime wall = wallClockOf(text.trim());
        return wall.getYear() <= 1 ? Optional.empty() : Optional.of(wall);
    }

    private LocalDateTime wallClockOf(String text) {
        try {
            return wallClock(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notWithZone) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException notLocal) {
                return LocalDate.parse(text).atStartOfDay();
            }
        }
    }
}
