package org.civic311.orchestrator.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One question a request type asks (an attribute of its Open311 service definition).
 *
 * @param code                the answer's name: {@code attribute[code]}
 * @param variable            false for a text the resident only reads; such an attribute takes no answer
 * @param datatype            the kind of answer
 * @param required            whether a request without an answer is refused
 * @param datatypeDescription help on the answer's form, may be null
 * @param order               where the question is shown, 1 first
 * @param description         the question itself
 * @param values              the choices of a list datatype, empty otherwise
 */
public record Attribute(String code, boolean variable, Datatype datatype, boolean required, String datatypeDescription,
                        int order, String description, List<Value> values) {

    /** Answers are stored in a VARCHAR(1000) column. */
    public static final int MAX_ANSWER = 1000;

    public Attribute {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** One choice of a list: {@code key} is what a client sends, {@code name} what a resident reads. */
    public record Value(String key, String name) {
    }

    /**
     * @param answers the non-blank answers given for this attribute, possibly none
     * @return what is wrong with them, in words a resident understands; empty when nothing is
     */
    public List<String> problemsWith(List<String> answers) {
        List<String> problems = new ArrayList<>();
        if (!variable) {
            return problems;
        }
        String field = "attribute[" + code + "]";
        if (answers.isEmpty()) {
            if (required) {
                problems.add(field + " is required (" + description + ").");
            }
            return problems;
        }
        if (datatype != Datatype.MULTIVALUELIST && answers.size() > 1) {
            problems.add(field + " takes a single value.");
            return problems;
        }
        for (String answer : answers) {
            String problem = problemWith(answer);
            if (problem != null) {
                problems.add(field + " " + problem);
                break;
            }
        }
        return problems;
    }

    private String problemWith(String answer) {
        if (answer.length() > MAX_ANSWER) {
            return "may be at most " + MAX_ANSWER + " characters.";
        }
        return switch (datatype) {
            case STRING -> answer.contains("\n") || answer.contains("\r") ? "may not contain line breaks." : null;
            case TEXT -> null;
            case NUMBER -> isNumber(answer) ? null : "must be a number.";
            case DATETIME -> isDatetime(answer) ? null
                    : "must be an ISO 8601 date or date and time, such as 2026-05-01T14:30:00-05:00.";
            case SINGLEVALUELIST, MULTIVALUELIST -> values.stream().anyMatch(v -> v.key().equals(answer)) ? null
                    : "must be one of " + values.stream().map(Value::key).collect(Collectors.joining(", ")) + ".";
        };
    }

    private static boolean isNumber(String text) {
        return parses(() -> new BigDecimal(text));
    }

    private static boolean isDatetime(String text) {
        return parses(() -> OffsetDateTime.parse(text)) || parses(() -> LocalDateTime.parse(text))
                || parses(() -> LocalDate.parse(text));
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException | NumberFormatException e) {
            return false;
        }
    }
}
