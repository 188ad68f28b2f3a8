package org.civic311.connectors.accela;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The type of a custom-form (ASI) field and how Accela takes its values, as its Construct API documentation gives
 * them: a Date as {@code MM/dd/yyyy}, a CheckBox as {@code CHECKED}/{@code UNCHECKED}, a Radio (yes/no) as
 * {@code Yes}/{@code No}, a Text of at most 256 characters. An agency refuses anything else after the record exists,
 * and would refuse it again on every retry.
 */
public enum CustomFieldFormat {
    TEXT, DATE, CHECKBOX, RADIO;

    /** The widest Text value Accela keeps. */
    static final int TEXT_LENGTH = 256;

    private static final DateTimeFormatter ACCELA_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "on", "checked");
    private static final Set<String> NO = Set.of("no", "n", "false", "0", "off", "unchecked");

    /** A day as a Date field takes it. */
    static String date(LocalDate day) {
        return ACCELA_DATE.format(day);
    }

    /**
     * A resident's answer (one or more values) as this field takes it; null when it cannot be said in this type (an
     * answer that is neither yes nor no for a CheckBox, text that is no date), and the field is then left unwritten:
     * the answer is in the record's description anyway.
     *
     * @param zone the agency's zone, for an answer given as a date and time
     */
    String value(List<String> answer, ZoneId zone) {
        if (answer == null || answer.isEmpty()) {
            return null;
        }
        String first = answer.get(0) == null ? "" : answer.get(0).strip();
        return switch (this) {
            case TEXT -> text(String.join(", ", answer));
            case DATE -> day(first, zone);
            case CHECKBOX -> yesOrNo(first, "CHECKED", "UNCHECKED");
            case RADIO -> yesOrNo(first, "Yes", "No");
        };
    }

    /** At most 256 characters, cut with an ellipsis. */
    static String text(String value) {
        if (value == null || value.length() <= TEXT_LENGTH) {
            return value;
        }
        return value.substring(0, TEXT_LENGTH - 1) + "…";
    }

    private static String yesOrNo(String answer, String yes, String no) {
        String key = answer.toLowerCase(Locale.ROOT);
        return YES.contains(key) ? yes : NO.contains(key) ? no : null;
    }

    private static String day(String answer, ZoneId zone) {
        try {
            if (answer.length() == 10) {
                return date(LocalDate.parse(answer));
            }
            return date(OffsetDateTime.parse(answer).atZoneSameInstant(zone).toLocalDate());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
