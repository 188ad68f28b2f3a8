package org.civic311.orchestrator.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.civic311.orchestrator.open311.W3cTime;
import org.civic311.orchestrator.request.PublishedRequestQuery;

/**
 * Reads the export's filters: {@code start_date} and {@code end_date} (a W3C datetime, or a date meaning that
 * whole day in the city) on when a request came in, and {@code service_code} (a comma list). Every problem is
 * named at once.
 */
final class OpenDataFilter {

    private final W3cTime time;
    private final ZoneId zone;

    OpenDataFilter(W3cTime time, ZoneId zone) {
        this.time = time;
        this.zone = zone;
    }

    /** @throws BadFilter naming each argument that cannot be used */
    PublishedRequestQuery read(String startDate, String endDate, String serviceCodes, Set<String> knownCodes) {
        List<String> problems = new ArrayList<>();
        Instant from = start(startDate, problems);
        Instant to = end(endDate, problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add("start_date must be before end_date.");
        }
        List<String> codes = blank(serviceCodes) ? List.of()
                : Arrays.stream(serviceCodes.split(",")).map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
        Set<String> unknown = new TreeSet<>(codes);
        unknown.removeAll(knownCodes);
        if (!unknown.isEmpty()) {
            problems.add("Unknown service_code " + String.join(", ", unknown) + "; known: "
                    + String.join(", ", new TreeSet<>(knownCodes)) + ".");
        }
        if (!problems.isEmpty()) {
            throw new BadFilter(String.join(" ", problems));
        }
        return new PublishedRequestQuery(from, to, codes);
    }

    private Instant start(String text, List<String> problems) {
        if (blank(text)) {
            return null;
        }
        return time.parse(text).orElseGet(() -> {
            problems.add(unreadable("start_date", text));
            return null;
        });
    }

    /** A date alone ends with its day: {@code end_date=2026-03-31} includes the 31st. */
    private Instant end(String text, List<String> problems) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).plusDays(1).atStartOfDay(zone).toInstant();
        } catch (java.time.format.DateTimeParseException notADate) {
            return time.parse(text).orElseGet(() -> {
                problems.add(unreadable("end_date", text));
                return null;
            });
        }
    }

    private static String unreadable(String name, String text) {
        return name + " '" + text + "' is not a date (2026-03-31) or a W3C datetime (2026-03-31T17:00:00-05:00).";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static final class BadFilter extends RuntimeException {
        BadFilter(String message) {
            super(message);
        }
    }
}
