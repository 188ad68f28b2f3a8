package org.civic311.connectors.cityworks;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Dates on the wire. Cityworks writes and reads server-local {@code YYYY-MM-DDThh:mm:ss} without a zone, so
 * both directions go through the server's configured zone; an ISO date with {@code Z} or an offset is read as
 * given. {@code 0001-01-01T00:00:00} is .NET's "no date".
 */
final class CityworksDates {

    private static final Log log = LogFactory.getLog(CityworksDates.class);

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final ZoneId serverZone;

    CityworksDates(ZoneId serverZone) {
        this.serverZone = serverZone;
    }

    String format(Instant instant) {
        return WIRE.format(instant.atZone(serverZone));
    }

    /** Null for no date; a date that cannot be read is logged and treated as none, so one bad row stops nothing. */
    Instant parse(String field, String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(text.strip()).atZone(serverZone).toInstant();
            } catch (DateTimeParseException e) {
                log.warn("Cityworks sent " + field + " '" + text + "', which is not a date; taken as none");
                return null;
            }
        }
    }
}
