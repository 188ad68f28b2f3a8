package org.civic311.orchestrator.open311;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;

/**
 * The arguments of one call, from its query string or form. An empty argument counts as a missing one, as the
 * spec asks, and every problem is collected, so that a client learns all of them from one answer.
 */
final class Arguments {

    private final MultiValueMap<String, String> values;
    private final List<Open311Error> errors = new ArrayList<>();

    Arguments(MultiValueMap<String, String> values) {
        this.values = values;
    }

    MultiValueMap<String, String> all() {
        return values;
    }

    /** The first non-empty value, stripped; null when there is none. */
    String value(String name) {
        return values(name).stream().findFirst().orElse(null);
    }

    /** Every non-empty value, stripped. */
    List<String> values(String name) {
        List<String> given = values.get(name);
        return given == null ? List.of()
                : given.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    /** {@code a,b} and {@code name=a&name=b} alike: every item once. */
    List<String> commaList(String name) {
        return values(name).stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty()).distinct().toList();
    }

    /**
     * Text that is stored, and may be published or mailed: at most {@code maxLength} characters, line breaks
     * allowed, no markup (see {@link PlainText}).
     */
    String text(String name, int maxLength) {
        String value = value(name);
        if (value != null && value.length() > maxLength) {
            error(name + " may be at most " + maxLength + " characters.");
        }
        if (value != null) {
            plain(name, value);
        }
        return value;
    }

    /** Refuses {@code value} of argument {@code name} when it carries markup. */
    void plain(String name, String value) {
        if (!PlainText.isPlain(value)) {
            error(name + " may not contain HTML.");
        }
    }

    /** Every value must be an http or https URL. */
    List<String> webUrls(String name, int maxLength) {
        List<String> urls = values(name);
        if (urls.stream().anyMatch(u -> u.length() > maxLength || !isWebUrl(u))) {
            error(name + " must be an http or https URL of at most " + maxLength + " characters.");
        }
        return urls;
    }

    Instant datetime(String name, W3cTime time) {
        String value = value(name);
        if (value == null) {
            return null;
        }
        Optional<Instant> instant = time.parse(value);
        if (instant.isEmpty()) {
            error(name + " must be a W3C datetime with a time zone, such as 2026-05-01T00:00:00Z.");
        }
        return instant.orElse(null);
    }

    /**
     * A time window no longer than {@code maxSpan}. Given one end only, the other is {@code maxSpan} away.
     *
     * @return null when neither end is given
     */
    Window window(String fromName, String toName, Duration maxSpan, W3cTime time) {
        Instant from = datetime(fromName, time);
        Instant to = datetime(toName, time);
        if (from == null && to == null) {
            return null;
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                error(toName + " is before " + fromName + ".");
            } else if (Duration.between(from, to).compareTo(maxSpan) > 0) {
                error(fromName + " and " + toName + " may not span more than " + maxSpan.toDays() + " days.");
            }
            return new Window(from, to);
        }
        return from != null ? new Window(from, from.plus(maxSpan)) : new Window(to.minus(maxSpan), to);
    }

    /** From and to, both included. */
    record Window(Instant from, Instant to) {
    }

    int whole(String name, int min, int max, int otherwise) {
        String value = value(name);
        if (value == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(name + " must be a whole number from " + min + " to " + max + ".");
        return otherwise;
    }

    /**
     * A finite number from {@code min} to {@code max}; null when not given. Anything else is reported with
     * {@code refusal}.
     */
    Double number(String name, double min, double max, String refusal) {
        String text = value(name);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value) && value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(refusal);
        return null;
    }

    boolean flag(String name) {
        String value = value(name);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        error(name + " must be true or false.");
        return false;
    }

    void error(String description) {
        errors.add(new Open311Error(400, description));
    }


    /** Answers 400 with every problem found so far, if there is any. */
    void rejectIfInvalid() {
        if (!errors.isEmpty()) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, errors);
        }
    }

    private static boolean isWebUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
