package org.civic311.connectors.cityworks;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Dates on the wire. Cityworks writes and reads server-local {@code YYYY-MM-DDThh:mm:ss} without a zone, so
 * both directions go through the server's configured zone; an ISO date with {@code Z} or an offset is read as
 * given. {@code 0001-01-01T00:00:00} is .NET's "no date".
 * <p>
 * Where clocks go back, an hour of wall-clock times happens twice and a later instant can have an earlier
 * wall-clock time. So a Search window is widened to every wall-clock time its instants can have, and a zone-less
 * date in that hour is read as the later of its two instants: a closure is then reported up to an hour late,
 * never left out of a window.
 */
final class CityworksDates {

    private static final Log log = LogFactory.getLog(CityworksDates.class);

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** The larger the offset, the later the wall clock (ZoneOffset's own order is the other way round). */
    private static final Comparator<ZoneOffset> WEST_TO_EAST = Comparator.comparingInt(ZoneOffset::getTotalSeconds);

    private final ZoneId serverZone;

    CityworksDates(ZoneId serverZone) {
        this.serverZone = serverZone;
    }

    String format(Instant instant) {
        return WIRE.format(instant.atZone(serverZone));
    }

    /** The earliest wall-clock time any instant in {@code [begin, end]} has: a Search's {@code ...Begin}. */
    String formatBegin(Instant begin, Instant end) {
        ZoneOffset least = Collections.min(offsets(begin, end), WEST_TO_EAST);
        return WIRE.format(LocalDateTime.ofInstant(begin, least));
    }

    /** The latest wall-clock time any instant in {@code [begin, end]} has: a Search's {@code ...End}. */
    String formatEnd(Instant begin, Instant end) {
        ZoneOffset most = Collections.max(offsets(begin, end), WEST_TO_EAST);
        return WIRE.format(LocalDateTime.ofInstant(end, most));
    }

    private List<ZoneOffset> offsets(Instant begin, Instant end) {
        ZoneRules rules = serverZone.getRules();
        List<ZoneOffset> offsets = new ArrayList<>(List.of(rules.getOffset(begin)));
        for (ZoneOffsetTransition next = rules.nextTransition(begin);
             next != null && !next.getInstant().isAfter(end);
             next = rules.nextTransition(next.getInstant())) {
            offsets.add(next.getOffsetAfter());
        }
        return offsets;
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
                return ZonedDateTime.ofLocal(LocalDateTime.parse(text.strip()), serverZone, null)
                        .withLaterOffsetAtOverlap().toInstant();
            } catch (DateTimeParseException e) {
                log.warn("Cityworks sent " + field + " '" + text + "', which is not a date; taken as none");
                return null;
            }
        }
    }
}
