package org.civic311.simulators.accela;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which records a list or search asks for, and in what order. Text filters match whole values, ignoring
 * case; date ranges include both ends, and a bare {@code yyyy-MM-dd} end means that whole day.
 * <p>
 * {@code shortNotes} is the field a 311 integration should find its own records by: it is written by the
 * Create Record call itself, so a record whose create response was lost can still be found. A custom form
 * field cannot serve: it is written by a second call that never happens when the first response is lost.
 */
final class RecordCriteria {

    private final List<Predicate<Record>> tests = new ArrayList<>();
    private Comparator<Record> order = Comparator.comparingLong(record -> record.sequence);

    private RecordCriteria() {
    }

    boolean matches(Record record) {
        return tests.stream().allMatch(test -> test.test(record));
    }

    Comparator<Record> order() {
        return order;
    }

    /** The query parameters of {@code GET /v4/records}. */
    static RecordCriteria fromQuery(Map<String, String> query, AgencyClock clock) {
        RecordCriteria criteria = new RecordCriteria();
        criteria.text(query.get("customId"), record -> record.customId);
        criteria.text(query.get("status"), record -> record.status);
        criteria.text(query.get("module"), record -> record.type.module());
        criteria.text(query.get("assignedToDepartment"), record -> record.assignedToDepartment);
        criteria.text(query.get("closedByDepartment"), record -> record.closedByDepartment);
        criteria.text(query.get("completedByDepartment"), record -> record.completedByDepartment);
        String type = query.get("type");
        if (type != null && !type.isBlank()) {
            criteria.tests.add(record -> record.type.isNamed(type.strip()));
        }
        criteria.dates(query, "openedDate", record -> record.openedDate, clock);
        criteria.dates(query, "closedDate", record -> record.closedDate, clock);
        criteria.dates(query, "completedDate", record -> record.completeDate, clock);
        criteria.dates(query, "statusDate", record -> record.statusDate, clock);
        criteria.dates(query, "updateDate", record -> record.updateDate, clock);
        return criteria;
    }

    /** The recordSearchModel body of {@code POST /v4/search/records}. */
    static RecordCriteria fromSearch(JsonNode json, AgencyClock clock) {
        return fromSearch(json, clock, false);
    }

    /**
     * @param shortNotesByPrefix whether {@code shortNotes} matches every record whose short notes start with the value,
     *                           as a search that matches text loosely does
     */
    static RecordCriteria fromSearch(JsonNode json, AgencyClock clock, boolean shortNotesByPrefix) {
        RecordCriteria criteria = new RecordCriteria();
        if (json == null || json.isNull() || json.isMissingNode()) {
            return criteria;
        }
        JsonBody body = JsonBody.of(json);
        String id = body.text("id");
        if (id != null) {
            criteria.tests.add(record -> record.id.equalsIgnoreCase(id) || record.value.equalsIgnoreCase(id));
        }
        criteria.text(body.text("customId"), record -> record.customId);
        String shortNotes = body.text("shortNotes");
        if (shortNotesByPrefix && shortNotes != null && !shortNotes.isBlank()) {
            String prefix = shortNotes.strip().toLowerCase(Locale.ROOT);
            criteria.tests.add(record -> record.shortNotes != null
                    && record.shortNotes.toLowerCase(Locale.ROOT).startsWith(prefix));
        } else {
            criteria.text(shortNotes, record -> record.shortNotes);
        }
        criteria.text(body.text("name"), record -> record.name);
        criteria.text(body.text("module"), record -> record.type.module());
        criteria.text(body.value("status"), record -> record.status);
        criteria.text(body.text("assignedToDepartment"), record -> record.assignedToDepartment);
        criteria.text(body.text("closedByDepartment"), record -> record.closedByDepartment);
        criteria.text(body.text("completedByDepartment"), record -> record.completedByDepartment);
        criteria.anyOf(texts(body, "modules"), record -> record.type.module());
        criteria.anyOf(texts(body, "statusTypes"), record -> record.statusType.name());
        criteria.types(body);
        criteria.customForm(body.get("customForm"));
        criteria.range(body.date("openedDateFrom", clock), body.rangeEnd("openedDateTo", clock), record -> record.openedDate);
        criteria.range(body.date("closedDateFrom", clock), body.rangeEnd("closedDateTo", clock), record -> record.closedDate);
        criteria.range(body.date("completeDateFrom", clock), body.rangeEnd("completeDateTo", clock), record -> record.completeDate);
        criteria.range(body.date("statusDateFrom", clock), body.rangeEnd("statusDateTo", clock), record -> record.statusDate);
        criteria.range(body.date("updateDateFrom", clock), body.rangeEnd("updateDateTo", clock), record -> record.updateDate);
        criteria.range(body.date("reportedDateFrom", clock), body.rangeEnd("reportedDateTo", clock), record -> record.reportedDate);
        criteria.sort(body.text("sort"), body.text("direction"));
        return criteria;
    }

    private void text(String wanted, Function<Record, String> field) {
        if (wanted != null && !wanted.isBlank()) {
            tests.add(record -> wanted.strip().equalsIgnoreCase(field.apply(record)));
        }
    }

    private void anyOf(List<String> wanted, Function<Record, String> field) {
        if (!wanted.isEmpty()) {
            tests.add(record -> wanted.stream().anyMatch(value -> value.equalsIgnoreCase(field.apply(record))));
        }
    }

    private void dates(Map<String, String> query, String field, Function<Record, Instant> date, AgencyClock clock) {
        String from = query.get(field + "From");
        String to = query.get(field + "To");
        range(from == null || from.isBlank() ? null : clock.parse(from, field + "From"),
                to == null || to.isBlank() ? null : clock.parseRangeEnd(to, field + "To"), date);
    }

    private void range(Instant from, Instant to, Function<Record, Instant> date) {
        if (from != null) {
            tests.add(record -> date.apply(record) != null && !date.apply(record).isBefore(from));
        }
        if (to != null) {
            tests.add(record -> date.apply(record) != null && !date.apply(record).isAfter(to));
        }
    }

    /** {@code type} (one recordTypeModel) or {@code types} (several): every level given must match. */
    private void types(JsonBody body) {
        List<JsonBody> wanted = new ArrayList<>();
        if (body.get("type") != null && !body.get("type").isNull()) {
            wanted.add(JsonBody.element(body.get("type"), "type"));
        }
        JsonNode types = body.get("types");
        if (types != null && types.isArray()) {
            types.forEach(type -> wanted.add(JsonBody.element(type, "types")));
        }
        if (!wanted.isEmpty()) {
            tests.add(record -> wanted.stream().anyMatch(type -> sameType(type, record.type)));
        }
    }

    private static boolean sameType(JsonBody wanted, RecordType type) {
        return level(wanted.text("value"), type.value()) && level(wanted.text("id"), type.id())
                && level(wanted.text("module"), type.module()) && level(wanted.text("group"), type.group())
                && level(wanted.text("type"), type.type()) && level(wanted.text("subType"), type.subType())
                && level(wanted.text("category"), type.category());
    }

    private static boolean level(String wanted, String actual) {
        return wanted == null || wanted.equalsIgnoreCase(actual);
    }

    /** {@code customForm}: a form id and field values the record's form must hold. */
    private void customForm(JsonNode form) {
        if (form == null || form.isNull()) {
            return;
        }
        JsonBody wanted = JsonBody.element(form, "customForm");
        String formId = wanted.text("id");
        wanted.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("id")) {
                String value = wanted.text(field.getKey());
                tests.add(record -> formValues(record, formId).stream()
                        .anyMatch(values -> Objects.equals(values.get(field.getKey()), value)));
            }
        });
    }

    private static List<Map<String, String>> formValues(Record record, String formId) {
        if (formId != null) {
            Map<String, String> values = record.customForms.get(formId);
            return values == null ? List.of() : List.of(values);
        }
        return List.copyOf(record.customForms.values());
    }

    private void sort(String field, String direction) {
        Comparator<Record> byField = switch (field == null ? "" : field) {
            case "openedDate" -> byDate(record -> record.openedDate);
            case "updateDate" -> byDate(record -> record.updateDate);
            case "statusDate" -> byDate(record -> record.statusDate);
            case "closedDate" -> byDate(record -> record.closedDate);
            default -> null;
        };
        if (byField != null) {
            order = byField.thenComparingLong(record -> record.sequence);
        }
        if ("DESC".equalsIgnoreCase(direction)) {
            order = order.reversed();
        }
    }

    private static Comparator<Record> byDate(Function<Record, Instant> date) {
        return Comparator.comparing(date, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private static List<String> texts(JsonBody body, String field) {
        JsonNode list = body.get(field);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw AccelaApiException.badRequest("Invalid value for " + field + ".", field + " must be a JSON array.");
        }
        List<String> values = new ArrayList<>();
        list.forEach(value -> values.add(value.asText()));
        return values;
    }
}
