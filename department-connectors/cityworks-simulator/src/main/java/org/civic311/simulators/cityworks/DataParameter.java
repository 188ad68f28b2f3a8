package org.civic311.simulators.cityworks;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code data=} JSON object of one call. Field names match case-insensitively and numbers may come
 * as strings, as the .NET deserializer behind Cityworks allows; a value of the wrong shape is
 * InvalidField (30), the same as unparsable JSON.
 */
final class DataParameter {

    private final Map<String, JsonNode> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final CityworksDateFormat dates;

    private DataParameter(CityworksDateFormat dates) {
        this.dates = dates;
    }

    static DataParameter parse(String raw, ObjectMapper json, CityworksDateFormat dates) {
        DataParameter data = new DataParameter(dates);
        if (raw == null || raw.isBlank()) {
            return data;
        }
        JsonNode node;
        try {
            node = json.readTree(raw);
        } catch (JsonProcessingException e) {
            throw CityworksFault.invalidField("data", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw CityworksFault.invalidField("data", "must be a JSON object.");
        }
        node.properties().forEach(field -> data.fields.put(field.getKey(), field.getValue()));
        return data;
    }

    /** The field names the caller sent, as sent. */
    Set<String> names() {
        return Collections.unmodifiableSet(fields.keySet());
    }

    /** Present with a non-null value. */
    boolean has(String name) {
        JsonNode node = fields.get(name);
        return node != null && !node.isNull();
    }

    Optional<String> text(String name) {
        return value(name).map(node -> textOf(name, node));
    }

    String requiredText(String name) {
        return text(name).filter(text -> !text.isBlank()).orElseThrow(() -> CityworksFault.requiredField(name));
    }

    Optional<Long> number(String name) {
        return value(name).flatMap(node -> numberOf(name, node));
    }

    long requiredNumber(String name) {
        return number(name).orElseThrow(() -> CityworksFault.requiredField(name));
    }

    Optional<Double> decimal(String name) {
        return value(name).flatMap(node -> {
            if (node.isNumber()) {
                return Optional.of(node.asDouble());
            }
            String text = textOf(name, node).trim();
            try {
                return text.isEmpty() ? Optional.empty() : Optional.of(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                throw CityworksFault.invalidField(name, "is not a number.");
            }
        });
    }

    Optional<Boolean> flag(String name) {
        return value(name).map(node -> {
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            String text = textOf(name, node).trim();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw CityworksFault.invalidField(name, "is not a boolean.");
        });
    }

    Optional<Instant> date(String name) {
        return wallClock(name).map(dates::instant);
    }

    /** A date field as the server's wall-clock time, what its database compares. */
    Optional<LocalDateTime> wallClock(String name) {
        return text(name).flatMap(text -> {
            try {
                return dates.parseWallClock(text);
            } catch (DateTimeParseException e) {
                throw CityworksFault.invalidField(name, "is not a date: " + text);
            }
        });
    }

    CityworksDateFormat dates() {
        return dates;
    }

    /** A JSON array of numbers; absent or null is an empty list. */
    List<Long> numbers(String name) {
        List<Long> numbers = new ArrayList<>();
        for (JsonNode item : array(name)) {
            numberOf(name, item).ifPresent(numbers::add);
        }
        return numbers;
    }

    /** A JSON array of strings; absent or null is an empty list. */
    List<String> texts(String name) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : array(name)) {
            if (!item.isNull()) {
                texts.add(textOf(name, item));
            }
        }
        return texts;
    }

    private Optional<JsonNode> value(String name) {
        return has(name) ? Optional.of(fields.get(name)) : Optional.empty();
    }

    private Iterable<JsonNode> array(String name) {
        Optional<JsonNode> node = value(name);
        if (node.isEmpty()) {
            return List.of();
        }
        if (!node.get().isArray()) {
            throw CityworksFault.invalidField(name, "must be a list.");
        }
        return node.get();
    }

    private static String textOf(String name, JsonNode node) {
        if (node.isContainerNode()) {
            throw CityworksFault.invalidField(name, "must be a single value.");
        }
        return node.asText();
    }

    private static Optional<Long> numberOf(String name, JsonNode node) {
        if (node.isIntegralNumber()) {
            return Optional.of(node.longValue());
        }
        if (node.isNumber() && node.doubleValue() == Math.rint(node.doubleValue())) {
            return Optional.of((long) node.doubleValue());
        }
        String text = textOf(name, node).trim();
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw CityworksFault.invalidField(name, "is not a whole number.");
        }
    }
}
