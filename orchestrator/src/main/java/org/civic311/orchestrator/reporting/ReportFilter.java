package org.civic311.orchestrator.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the dashboard's reader asked for, made sensible: dates that cannot be read, a range given backwards or longer
 * than {@link #LONGEST_DAYS} days, an unknown period or an unknown filter value each give a message saying what was
 * done instead; an unknown filter value matches no request, so the page shows an empty, labelled result.
 */
record ReportFilter(LocalDate from, LocalDate to, Period period, String serviceCode, String department,
                    String channel, String area, boolean matchesNothing, List<String> messages) {

    static final int DEFAULT_DAYS = 30;
    /** About three years: longer ranges are cut to the last three years of them. */
    static final int LONGEST_DAYS = 1096;

    enum Period {
        DAY, WEEK, MONTH;

        LocalDate start(LocalDate day) {
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.minusDays(day.getDayOfWeek().getValue() - 1L);
                case MONTH -> day.withDayOfMonth(1);
            };
        }
    }

    /** The filters a dashboard address may carry. */
    static final List<String> DIMENSIONS = List.of("service_code", "department", "channel", "area");

    static ReportFilter of(Map<String, String> params, LocalDate today, Map<String, Set<String>> known) {
        List<String> messages = new ArrayList<>();
        LocalDate to = date(params.get("to"), "end", today, messages);
        LocalDate from = date(params.get("from"), "start", to.minusDays(DEFAULT_DAYS - 1L), messages);
        if (from.isAfter(to)) {
            messages.add("The start date " + from + " is after the end date " + to + "; the two were swapped.");
            LocalDate swap = from;
            from = to;
            to = swap;
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > LONGEST_DAYS) {
            from = to.minusDays(LONGEST_DAYS - 1L);
            messages.add("A report covers at most " + LONGEST_DAYS + " days; showing " + from + " to " + to + ".");
        }
        Period period = Period.WEEK;
        String asked = blankToNull(params.get("period"));
        if (asked != null) {
            try {
                period = Period.valueOf(asked.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                messages.add("Unknown period \"" + asked + "\" (day, week or month); showing weeks.");
            }
        }
        boolean nothing = false;
        String[] values = new String[DIMENSIONS.size()];
        for (int i = 0; i < values.length; i++) {
            String dimension = DIMENSIONS.get(i);
            values[i] = blankToNull(params.get(dimension));
            if (values[i] != null && !known.getOrDefault(dimension, Set.of()).contains(values[i])) {
                messages.add("No " + label(dimension) + " \"" + values[i] + "\" has any request; nothing matches.");
                nothing = true;
            }
        }
        return new ReportFilter(from, to, period, values[0], values[1], values[2], values[3], nothing,
                List.copyOf(messages));
    }

    static String label(String dimension) {
        return switch (dimension) {
            case "service_code" -> "request type";
            case "department" -> "department";
            case "channel" -> "channel";
            default -> "area";
        };
    }

    String value(String dimension) {
        return switch (dimension) {
            case "service_code" -> serviceCode;
            case "department" -> department;
            case "channel" -> channel;
            default -> area;
        };
    }

    /** The filter as query parameters, for links (CSV downloads) that show the same selection. */
    String query() {
        StringBuilder query = new StringBuilder("from=" + from + "&to=" + to + "&period="
                + period.name().toLowerCase(java.util.Locale.ROOT));
        for (String dimension : DIMENSIONS) {
            String value = value(dimension);
            if (value != null) {
                query.append('&').append(dimension).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    private static LocalDate date(String text, String which, LocalDate fallback, List<String> messages) {
        String value = blankToNull(text);
        if (value == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            messages.add("The " + which + " date \"" + value + "\" is not a date like 2026-03-31; using " + fallback
                    + ".");
            return fallback;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
