package org.civic311.simulators.accela;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.civic311.simulators.accela.AccelaSimulatorProperties.CustomFormSetting;

/**
 * Writes records and their parts in Accela's JSON shapes: recordModel, taskItemModel, recordCommentModel,
 * customAttributeModel. Fields without a value are left out, as Accela leaves them out.
 */
final class RecordJson {

    /** The related objects {@code expand} can ask for that the simulator holds. */
    static final Set<String> EXPANSIONS = Set.of("addresses", "contacts", "customForms");

    private final AgencyClock clock;
    private final String agency;
    private final RecordCatalog catalog;
    private final AnswerShapes shapes;

    RecordJson(AgencyClock clock, String agency, RecordCatalog catalog, AnswerShapes shapes) {
        this.clock = clock;
        this.agency = agency;
        this.catalog = catalog;
        this.shapes = shapes;
    }

    static ObjectNode valueText(String value, String text) {
        return Envelope.JSON.objectNode().put("value", value).put("text", text);
    }

    /** The record without related objects (simpleRecordModel). */
    ObjectNode simple(Record record) {
        ObjectNode json = Envelope.JSON.objectNode().put("id", record.id);
        json.set("type", type(record.type));
        json.put("value", record.value)
                .put("customId", record.customId)
                .put("trackingId", record.trackingId)
                .put("serviceProviderCode", agency)
                .put("module", record.type.module());
        text(json, "name", record.name);
        text(json, "description", record.description);
        text(json, "shortNotes", record.shortNotes);
        if (record.priority != null) {
            json.set("priority", valueText(record.priority, record.priority));
        }
        if (record.reportedChannel != null) {
            json.set("reportedChannel", valueText(record.reportedChannel, record.reportedChannel));
        }
        date(json, "reportedDate", record.reportedDate);
        text(json, "assignedToDepartment", record.assignedToDepartment);
        json.set("status", valueText(record.status, record.status));
        shapes.statusType(json, record.statusType.name());
        date(json, "statusDate", record.statusDate);
        date(json, "openedDate", record.openedDate);
        date(json, "closedDate", record.closedDate);
        text(json, "closedByDepartment", record.closedByDepartment);
        date(json, "completeDate", record.completeDate);
        text(json, "completedByDepartment", record.completedByDepartment);
        date(json, "updateDate", record.updateDate);
        text(json, "createdBy", record.createdBy);
        json.put("initiatedProduct", "AV360");
        return json;
    }

    /** The record with the related objects asked for; those it has none of are left out. */
    ObjectNode full(Record record, Set<String> expand) {
        ObjectNode json = simple(record);
        if (expand.contains("addresses") && !record.addresses.isEmpty()) {
            ArrayNode addresses = json.putArray("addresses");
            record.addresses.forEach(address -> addresses.add(address.deepCopy()));
        }
        if (expand.contains("contacts") && !record.contacts.isEmpty()) {
            ArrayNode contacts = json.putArray("contacts");
            record.contacts.forEach(contact -> contacts.add(contact.deepCopy()));
        }
        if (expand.contains("customForms") && !record.customForms.isEmpty()) {
            json.set("customForms", customForms(record));
        }
        return json;
    }

    ObjectNode type(RecordType type) {
        return Envelope.JSON.objectNode()
                .put("id", type.id())
                .put("value", type.value())
                .put("text", type.alias())
                .put("alias", type.alias())
                .put("module", type.module())
                .put("group", type.group())
                .put("type", type.type())
                .put("subType", type.subType())
                .put("category", type.category());
    }

    /** recordIdModel, as addresses, contacts, tasks and comments refer to their record. */
    ObjectNode recordId(Record record) {
        return Envelope.JSON.objectNode()
                .put("id", record.id)
                .put("customId", record.customId)
                .put("trackingId", record.trackingId)
                .put("serviceProviderCode", agency)
                .put("value", record.value);
    }

    /** Each custom form that has data, with all of its fields; a field never written is null. */
    ArrayNode customForms(Record record) {
        ArrayNode forms = Envelope.JSON.arrayNode();
        record.customForms.forEach((formId, values) -> {
            CustomFormSetting form = catalog.form(formId);
            ObjectNode json = forms.addObject().put("id", formId);
            for (String field : form.fields()) {
                json.put(field, values.get(field));
            }
        });
        return forms;
    }

    ObjectNode task(Record record, WorkflowTask task) {
        ObjectNode json = Envelope.JSON.objectNode()
                .put("id", task.id)
                .put("description", task.name())
                .put("processCode", catalog.workflow().processCode());
        if (task.status != null) {
            json.set("status", valueText(task.status, task.status));
        }
        date(json, "statusDate", task.statusDate);
        json.put("isActive", task.active ? "Y" : "N")
                .put("isCompleted", task.completed ? "Y" : "N");
        if (task.setting.department() != null) {
            json.set("assignedToDepartment", valueText(task.setting.department(), task.setting.department()));
        }
        date(json, "assignedDate", task.assignedDate);
        date(json, "dueDate", task.dueDate);
        if (task.setting.daysDue() != null) {
            json.put("daysDue", task.setting.daysDue());
        }
        json.put("comment", task.comment == null ? "" : task.comment);
        date(json, "endTime", task.endTime);
        text(json, "nextTaskId", task.nextTaskId);
        date(json, "lastModifiedDate", task.lastModifiedDate);
        json.put("serviceProviderCode", agency);
        json.set("recordId", recordId(record));
        return json;
    }

    ArrayNode statuses(WorkflowTask task) {
        ArrayNode statuses = Envelope.JSON.arrayNode();
        task.setting.statuses().forEach(status -> statuses.add(valueText(status.value(), status.value())));
        return statuses;
    }

    ObjectNode comment(Record record, Comment comment) {
        ObjectNode json = Envelope.JSON.objectNode()
                .put("id", comment.id())
                .put("text", comment.text())
                .put("displayOnInspection", comment.displayOnInspection())
                .put("createdBy", comment.createdBy());
        date(json, "createdDate", comment.createdDate());
        json.set("recordId", recordId(record));
        return json;
    }

    /** Keeps the first-level fields a {@code fields} parameter names; {@code id} always stays. */
    static ObjectNode select(ObjectNode json, Set<String> fields) {
        if (fields.isEmpty()) {
            return json;
        }
        Set<String> kept = new HashSet<>(fields);
        kept.add("id");
        json.retain(kept);
        return json;
    }

    private void date(ObjectNode json, String field, Instant instant) {
        if (instant != null) {
            json.put(field, shapes.date(instant, clock.zone()));
        }
    }

    private static void text(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
