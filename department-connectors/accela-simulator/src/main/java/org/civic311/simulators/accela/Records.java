package org.civic311.simulators.accela;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.civic311.simulators.accela.AccelaSimulatorProperties.CustomFormSetting;
import org.civic311.simulators.accela.AccelaSimulatorProperties.RecordStatusSetting;
import org.civic311.simulators.accela.AccelaSimulatorProperties.TaskSetting;
import org.civic311.simulators.accela.AccelaSimulatorProperties.TaskStatusSetting;
import org.civic311.simulators.kit.StaffAtWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agency's records, in memory. Every operation holds the one lock, and answers with JSON built while
 * holding it, so no caller ever sees a record half-changed.
 */
final class Records {

    /** One page of matching records, as JSON, and how many matched in all. */
    record Listing(ArrayNode items, int total) {
    }

    private static final Logger log = LoggerFactory.getLogger(Records.class);

    private final RecordCatalog catalog;
    private final AgencyClock clock;
    /** The zone whose midnight a status date is stored at, for an agency that stores days; null stores moments. */
    private ZoneId statusDayZone;
    private final RecordJson json;
    private final String agency;
    private final String idCode;

    private final Map<String, Record> byId = new LinkedHashMap<>();
    private final Map<String, Integer> customIdSequences = new HashMap<>();
    private long recordSequence;
    private long addressSequence;
    private long contactSequence;
    private long commentSequence;
    private long processSequence;
    private int created;
    private final StaffAtWork staff;

    Records(RecordCatalog catalog, AgencyClock clock, RecordJson json, String agency, String idCode, StaffAtWork staff) {
        this.staff = staff;
        this.catalog = catalog;
        this.clock = clock;
        this.json = json;
        this.agency = agency.toUpperCase(Locale.ROOT);
        this.idCode = idCode;
    }

    synchronized ObjectNode create(NewRecord request, String userId) {
        if (request.sentCustomForms()) {
            log.warn("Create Record ignores customForms, as Accela does; write them with PUT /v4/records/{id}/customForms");
        }
        Instant now = clock.now();
        long sequence = ++recordSequence;
        String year = clock.yearOfCentury();
        // Like ISLANDTON-14CAP-00000-00070: agency, year and code, then a base-36 number.
        String value = year + idCode + "-00000-" + base36(sequence);
        String customId = request.type().customIdPrefix() + year + "-"
                + String.format("%06d", customIdSequences.merge(request.type().customIdPrefix(), 1, Integer::sum));
        Record record = new Record(sequence, agency + "-" + value, value, customId, 261800000L + sequence,
                request.type(), now, userId);
        record.name = request.name();
        record.description = request.description();
        record.shortNotes = request.shortNotes();
        record.priority = request.priority();
        record.reportedChannel = request.reportedChannel();
        record.reportedDate = request.reportedDate();
        record.assignedToDepartment = request.assignedToDepartment();
        record.changeStatus(catalog.initialStatus(), statusTime(now), null);
        for (ObjectNode address : request.addresses()) {
            address.put("id", 1000L + ++addressSequence);
            address.put("serviceProviderCode", agency);
            address.set("recordId", json.recordId(record));
            record.addresses.add(address);
        }
        for (ObjectNode contact : request.contacts()) {
            contact.put("id", String.valueOf(50000L + ++contactSequence));
            contact.set("recordId", json.recordId(record));
            record.contacts.add(contact);
        }
        startWorkflow(record, now);
        byId.put(record.id, record);
        created++;
        staff.arrived(() -> finishWorkflow(record.id));
        return json.simple(record);
    }

    private void startWorkflow(Record record, Instant now) {
        long process = ++processSequence;
        List<TaskSetting> settings = catalog.workflow().tasks();
        for (int step = 0; step < settings.size(); step++) {
            record.tasks.add(new WorkflowTask(process + "-" + (step + 1), settings.get(step)));
        }
        for (int i = 0; i + 1 < record.tasks.size(); i++) {
            record.tasks.get(i).nextTaskId = record.tasks.get(i + 1).id;
        }
        record.tasks.get(0).activate(now);
    }

    /** {@code GET /v4/records/{ids}}: the records found, in the order asked; none found is a 404. */
    synchronized ArrayNode get(String ids, Set<String> expand) {
        ArrayNode found = Envelope.JSON.arrayNode();
        Arrays.stream(ids.split(","))
                .map(String::strip)
                .map(this::find)
                .flatMap(Optional::stream)
                .distinct()
                .forEach(record -> found.add(json.full(record, expand)));
        if (found.isEmpty()) {
            throw AccelaApiException.notFound("The record " + ids + " is not found.");
        }
        return found;
    }

    /** A page of matching records: simpleRecordModel when {@code expand} is null, else recordModel. */
    synchronized Listing list(RecordCriteria criteria, Paging paging, Set<String> expand) {
        List<Record> matching = byId.values().stream().filter(criteria::matches).sorted(criteria.order()).toList();
        ArrayNode items = Envelope.JSON.arrayNode();
        paging.slice(matching).forEach(record -> items.add(expand == null ? json.simple(record) : json.full(record, expand)));
        return new Listing(items, matching.size());
    }

    /**
     * {@code PUT /v4/records/{id}} with request_simpleRecordModel. Every field is checked before any is
     * written, so a refused update changes nothing.
     */
    synchronized ObjectNode update(String id, JsonNode body) {
        Record record = require(id);
        JsonBody changes = JsonBody.of(body);
        String priority = changes.value("priority");
        String channel = changes.value("reportedChannel");
        String status = changes.value("status");
        RecordStatusSetting newStatus = status == null ? null : catalog.status(status);
        String checkedPriority = priority == null ? null : catalog.priority(priority);
        String checkedChannel = channel == null ? null : catalog.reportedChannel(channel);
        Instant reportedDate = changes.date("reportedDate", clock);
        Instant closedDate = changes.date("closedDate", clock);
        Instant completeDate = changes.date("completeDate", clock);
        String name = changes.text("name");
        String description = changes.text("description");
        String shortNotes = NewRecord.shortNotes(changes);
        String department = changes.text("assignedToDepartment");
        String closedBy = changes.text("closedByDepartment");

        Instant now = clock.now();
        if (changes.has("name")) {
            record.name = name;
        }
        if (changes.has("description")) {
            record.description = description;
        }
        if (changes.has("shortNotes")) {
            record.shortNotes = shortNotes;
        }
        if (changes.has("assignedToDepartment")) {
            record.assignedToDepartment = department;
        }
        if (changes.has("priority")) {
            record.priority = checkedPriority;
        }
        if (changes.has("reportedChannel")) {
            record.reportedChannel = checkedChannel;
        }
        if (changes.has("reportedDate")) {
            record.reportedDate = reportedDate;
        }
        if (newStatus != null) {
            record.changeStatus(newStatus, statusTime(now), closedBy != null ? closedBy : record.assignedToDepartment);
        }
        // Explicit dates win over the ones a status change set.
        if (record.statusType.closes() && closedDate != null) {
            record.closedDate = closedDate;
        }
        if (record.completeDate != null && completeDate != null) {
            record.completeDate = completeDate;
        }
        record.updateDate = now;
        return json.simple(record);
    }

    synchronized ArrayNode customForms(String id) {
        return json.customForms(require(id));
    }

    /**
     * {@code PUT /v4/records/{id}/customForms}: {@code [{"id": formId, "Field Name": "value"}]}. Checked whole
     * before anything is written; a null value clears the field.
     */
    synchronized ArrayNode putCustomForms(String id, JsonNode body) {
        Record record = require(id);
        if (body == null || !body.isArray()) {
            throw AccelaApiException.badRequest("The request body must be a JSON array of custom forms.",
                    "For example [{\"id\": \"FORM-ID\", \"Field Name\": \"value\"}].");
        }
        Map<CustomFormSetting, Map<String, String>> writes = new LinkedHashMap<>();
        for (int i = 0; i < body.size(); i++) {
            JsonBody form = JsonBody.element(body.get(i), "customForms");
            CustomFormSetting setting = catalog.form(form.text("id"));
            Map<String, String> values = writes.computeIfAbsent(setting, key -> new LinkedHashMap<>());
            form.fields().forEachRemaining(field -> {
                if (field.getKey().equals("id")) {
                    return;
                }
                if (!setting.fields().contains(field.getKey())) {
                    throw AccelaApiException.invalidData("Invalid field '" + field.getKey() + "' for custom form '"
                            + setting.id() + "'.", "Fields of " + setting.id() + ": " + setting.fields());
                }
                String value = form.text(field.getKey());
                setting.type(field.getKey()).check(setting.id(), field.getKey(), value);
                values.put(field.getKey(), value);
            });
        }
        ArrayNode results = Envelope.JSON.arrayNode();
        writes.forEach((setting, values) -> {
            Map<String, String> stored = record.customForms.computeIfAbsent(setting.id(), key -> new LinkedHashMap<>());
            values.forEach((field, value) -> {
                if (value == null) {
                    stored.remove(field);
                } else {
                    stored.put(field, value);
                }
            });
            if (stored.isEmpty()) {
                record.customForms.remove(setting.id());
            }
            results.addObject().put("isSuccess", true);
        });
        record.updateDate = clock.now();
        return results;
    }

    synchronized ArrayNode tasks(String id) {
        Record record = require(id);
        ArrayNode tasks = Envelope.JSON.arrayNode();
        record.tasks.forEach(task -> tasks.add(json.task(record, task)));
        return tasks;
    }

    synchronized ObjectNode task(String id, String taskId) {
        Record record = require(id);
        return json.task(record, requireTask(record, taskId));
    }

    synchronized ArrayNode taskStatuses(String id, String taskId) {
        return json.statuses(requireTask(require(id), taskId));
    }

    /** {@code PUT /v4/records/{id}/workflowTasks/{taskId}}: {@code {"status":{"value"},"comment","statusDate"}}. */
    synchronized ObjectNode updateTask(String id, String taskId, JsonNode body) {
        Record record = require(id);
        WorkflowTask task = requireTask(record, taskId);
        JsonBody update = JsonBody.of(body);
        String status = update.value("status");
        if (status == null) {
            throw AccelaApiException.invalidData("The workflow task status is required.",
                    "Set status, e.g. {\"value\": \"" + task.setting.statuses().get(0).value() + "\"}.");
        }
        give(record, task, status, update.text("comment"), update.date("statusDate", clock));
        return json.task(record, task);
    }

    /** What the code-enforcement officer does in Accela: gives the active task a status. */
    /** Staff give each active task its first completing status until the workflow is done. */
    synchronized void finishWorkflow(String recordId) {
        Record record = byId.get(recordId);
        for (var task = record.activeTask(); task.isPresent(); task = record.activeTask()) {
            TaskStatusSetting done = task.get().setting.statuses().stream().filter(TaskStatusSetting::completesTask)
                    .findFirst().orElseThrow(() -> new IllegalStateException("A workflow task nobody can complete"));
            give(record, task.get(), done.value(), "Done by the simulated crew.", null);
        }
    }

    /** How many records the simulated staff finished by themselves. */
    int finishedByStaff() {
        return staff.finished();
    }

    synchronized SimulatedRecord giveActiveTask(String recordIdOrCustomId, String status, String comment) {
        Record record = findAny(recordIdOrCustomId)
                .orElseThrow(() -> new IllegalArgumentException("No record " + recordIdOrCustomId));
        WorkflowTask task = record.activeTask()
                .orElseThrow(() -> new IllegalStateException("Record " + record.id + " has no active workflow task"));
        give(record, task, status, comment, null);
        return snapshot(record);
    }

    private void give(Record record, WorkflowTask task, String status, String comment, Instant statusDate) {
        if (!task.active) {
            throw AccelaApiException.badRequest("The workflow task '" + task.name() + "' is not active.",
                    task.completed ? "It was completed with status " + task.status + "." : "An earlier task is not complete yet.");
        }
        TaskStatusSetting allowed = task.allowedStatus(status);
        Instant now = clock.now();
        task.give(allowed, statusDate == null ? now : statusDate, comment, now);
        if (allowed.recordStatus() != null) {
            record.changeStatus(catalog.status(allowed.recordStatus()), statusTime(now), task.setting.department());
        }
        if (allowed.completesTask()) {
            record.taskAfter(task).ifPresent(next -> next.activate(now));
        }
        record.updateDate = now;
    }

    synchronized ArrayNode comments(String id) {
        Record record = require(id);
        ArrayNode comments = Envelope.JSON.arrayNode();
        record.comments.forEach(comment -> comments.add(json.comment(record, comment)));
        return comments;
    }

    /** {@code POST /v4/records/{id}/comments}: an array in, one resultModel per element out. */
    synchronized ArrayNode addComments(String id, JsonNode body, String userId) {
        Record record = require(id);
        if (body == null || !body.isArray()) {
            throw AccelaApiException.badRequest("The request body must be a JSON array of comments.",
                    "For example [{\"text\": \"...\", \"displayOnInspection\": \"N\"}].");
        }
        ArrayNode results = Envelope.JSON.arrayNode();
        Instant now = clock.now();
        for (JsonNode element : body) {
            ObjectNode result = results.addObject();
            try {
                JsonBody comment = JsonBody.element(element, "comments");
                String text = comment.text("text");
                if (text == null || text.isBlank()) {
                    throw AccelaApiException.invalidData("The comment text is required.");
                }
                String display = comment.text("displayOnInspection");
                display = display == null ? "N" : ModelFields.flag(display, "displayOnInspection");
                Comment added = new Comment(++commentSequence, text, display, userId, now);
                record.comments.add(added);
                result.put("id", added.id()).put("isSuccess", true);
            } catch (AccelaApiException refused) {
                result.put("isSuccess", false).put("code", refused.code).put("message", refused.getMessage());
            }
        }
        record.updateDate = now;
        return results;
    }

    /** What a multi-result answer says when each comment failed with that code, e.g. internal_error: none added. */
    synchronized ArrayNode failComments(String id, JsonNode body, String code) {
        require(id);
        ArrayNode results = Envelope.JSON.arrayNode();
        int count = body != null && body.isArray() ? body.size() : 1;
        for (int i = 0; i < count; i++) {
            results.addObject().put("isSuccess", false).put("code", code).put("message", "The comment was not added.");
        }
        return results;
    }

    synchronized Optional<SimulatedRecord> snapshot(String recordIdOrCustomId) {
        return findAny(recordIdOrCustomId).map(this::snapshot);
    }

    synchronized List<SimulatedRecord> snapshots() {
        return byId.values().stream().map(this::snapshot).toList();
    }

    synchronized int created() {
        return created;
    }

    /**
     * Like an agency whose status dates have no time of day: every status change of an agency day is dated at that
     * day's midnight in {@code dayZone} (the agency's, or its server's); null dates each change to the second again.
     */
    synchronized void storeStatusDays(ZoneId dayZone) {
        statusDayZone = dayZone;
    }

    private Instant statusTime(Instant now) {
        return statusDayZone == null ? now : now.atZone(clock.zone()).toLocalDate().atStartOfDay(statusDayZone).toInstant();
    }

    synchronized void reset() {
        statusDayZone = null;
        byId.clear();
        customIdSequences.clear();
        recordSequence = 0;
        addressSequence = 0;
        contactSequence = 0;
        commentSequence = 0;
        processSequence = 0;
        created = 0;
    }

    private SimulatedRecord snapshot(Record record) {
        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        record.customForms.forEach((form, values) -> forms.put(form, Map.copyOf(values)));
        List<String> activeTasks = record.tasks.stream().filter(task -> task.active).map(WorkflowTask::name).toList();
        List<String> comments = record.comments.stream().map(Comment::text).toList();
        return new SimulatedRecord(record.id, record.customId, record.type.value(), record.shortNotes, record.status,
                record.statusType.name(), record.openedDate, record.closedDate, activeTasks, forms, comments);
    }

    /** By record id, with or without the agency prefix (CIVIC311-26CAP-00000-00001 or 26CAP-00000-00001). */
    private Optional<Record> find(String id) {
        String upper = id.toUpperCase(Locale.ROOT);
        Record record = byId.get(upper);
        return Optional.ofNullable(record != null ? record : byId.get(agency + "-" + upper));
    }

    private Optional<Record> findAny(String idOrCustomId) {
        return find(idOrCustomId).or(() -> byId.values().stream()
                .filter(record -> record.customId.equalsIgnoreCase(idOrCustomId))
                .findFirst());
    }

    private Record require(String id) {
        return find(id).orElseThrow(() -> AccelaApiException.notFound("The record " + id + " is not found."));
    }

    private static WorkflowTask requireTask(Record record, String taskId) {
        return record.task(taskId).orElseThrow(() -> AccelaApiException.notFound(
                "The workflow task " + taskId + " is not found on record " + record.id + "."));
    }

    private static String base36(long number) {
        String digits = Long.toString(number, 36).toUpperCase(Locale.ROOT);
        return "0".repeat(Math.max(0, 5 - digits.length())) + digits;
    }
}
