package org.civic311.simulators.accela;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * The types of an agency's custom-form (ASI) fields and the values Accela takes for each, as its Construct API
 * documentation gives them: a Date as {@code MM/dd/yyyy}, a CheckBox as {@code CHECKED} or {@code UNCHECKED}, a
 * Radio (yes/no) as {@code Yes} or {@code No}, a Number as digits, a Text of at most 256 characters. Any other value
 * is a data_validation_error.
 */
public enum CustomFieldType {
    TEXT, DATE, CHECKBOX, RADIO, NUMBER;

    /** The widest Text value Accela keeps. */
    static final int TEXT_LENGTH = 256;

    private static final DateTimeFormatter DATE_FORMAT =
            DateTimeFormatter.ofPattern("MM/dd/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** @throws AccelaApiException data_validation_error when the field's type does not take the value */
    void check(String form, String field, String value) {
        if (value == null) {
            return;
        }
        String problem = switch (this) {
            case TEXT -> value.length() > TEXT_LENGTH ? "is " + value.length() + " characters long; at most "
                    + TEXT_LENGTH + " fit" : null;
            case DATE -> isDate(value) ? null : "is not a date as MM/dd/yyyy";
            case CHECKBOX -> List.of("CHECKED", "UNCHECKED").contains(value) ? null : "must be CHECKED or UNCHECKED";
            case RADIO -> List.of("Yes", "No").contains(value) ? null : "must be Yes or No";
            case NUMBER -> value.matches("-?\\d+(\\.\\d+)?") ? null : "is not a number";
        };
        if (problem != null) {
            throw AccelaApiException.invalidData("Invalid value '" + abbreviated(value) + "' for field '" + field
                    + "' of custom form '" + form + "'.", "The " + name() + " field's value " + problem + ".");
        }
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value, DATE_FORMAT);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
