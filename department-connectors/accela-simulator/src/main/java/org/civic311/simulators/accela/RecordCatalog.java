package org.civic311.simulators.accela;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.civic311.simulators.accela.AccelaSimulatorProperties.CustomFormSetting;
import org.civic311.simulators.accela.AccelaSimulatorProperties.RecordStatusSetting;
import org.civic311.simulators.accela.AccelaSimulatorProperties.TaskSetting;
import org.civic311.simulators.accela.AccelaSimulatorProperties.TaskStatusSetting;
import org.civic311.simulators.accela.AccelaSimulatorProperties.WorkflowSetting;

/**
 * The agency's configuration of records: types, statuses, drop-down values, custom forms and the
 * workflow. Checked once at start, so a mistake in configuration stops the application rather than
 * surfacing as a puzzling refusal in a test.
 */
final class RecordCatalog {

    private final List<RecordType> types;
    private final Map<String, RecordStatusSetting> statuses = new LinkedHashMap<>();
    private final RecordStatusSetting initialStatus;
    private final List<String> contactTypes;
    private final List<String> priorities;
    private final List<String> reportedChannels;
    private final List<String> departments;
    private final Map<String, CustomFormSetting> forms = new LinkedHashMap<>();
    private final WorkflowSetting workflow;

    RecordCatalog(AccelaSimulatorProperties agency) {
        types = agency.recordTypes().stream().map(RecordType::of).toList();
        if (types.isEmpty()) {
            throw new IllegalStateException("civic311.simulators.accela.record-types must name at least one record type");
        }
        for (RecordStatusSetting status : agency.recordStatuses()) {
            if (status.value() == null || status.type() == null) {
                throw new IllegalStateException("Each record status needs a value and a type: " + status);
            }
            statuses.put(key(status.value()), status);
        }
        initialStatus = configuredStatus(agency.initialStatus(), "initial-status");
        contactTypes = List.copyOf(agency.contactTypes());
        priorities = List.copyOf(agency.priorities());
        reportedChannels = List.copyOf(agency.reportedChannels());
        departments = agency.departments();
        for (CustomFormSetting form : agency.customForms()) {
            if (form.id() == null || form.fields() == null || form.fields().isEmpty()) {
                throw new IllegalStateException("Each custom form needs an id and fields: " + form);
            }
            form.types().stream().filter(typed -> !form.fields().contains(typed.field())).findFirst()
                    .ifPresent(typed -> {
                        throw new IllegalStateException("Custom form " + form.id() + " gives a type to '"
                                + typed.field() + "', which is not one of its fields " + form.fields());
                    });
            forms.put(form.id(), form);
        }
        workflow = checked(agency.workflow());
    }

    private WorkflowSetting checked(WorkflowSetting workflow) {
        if (workflow == null || workflow.tasks() == null || workflow.tasks().isEmpty()) {
            throw new IllegalStateException("civic311.simulators.accela.workflow needs at least one task");
        }
        List<TaskSetting> tasks = workflow.tasks();
        for (TaskSetting task : tasks) {
            if (task.name() == null || task.statuses() == null || task.statuses().isEmpty()) {
                throw new IllegalStateException("Each workflow task needs a name and statuses: " + task);
            }
            for (TaskStatusSetting status : task.statuses()) {
                if (status.recordStatus() != null) {
                    configuredStatus(status.recordStatus(), "record-status of task status " + status.value());
                }
            }
        }
        // Finishing the workflow must close the record: that is how completions reach a 311 system.
        TaskSetting last = tasks.get(tasks.size() - 1);
        for (TaskStatusSetting status : last.statuses()) {
            if (status.completesTask()
                    && (status.recordStatus() == null || !configuredStatus(status.recordStatus(), "").type().closes())) {
                throw new IllegalStateException("Workflow status '" + status.value() + "' completes the last task '"
                        + last.name() + "', so its record-status must be a CLOSED or COMPLETE record status");
            }
        }
        return workflow;
    }

    private RecordStatusSetting configuredStatus(String value, String where) {
        RecordStatusSetting status = value == null ? null : statuses.get(key(value));
        if (status == null) {
            throw new IllegalStateException("Unknown record status '" + value + "' in " + where
                    + "; configured: " + statuses.values().stream().map(RecordStatusSetting::value).toList());
        }
        return status;
    }

    /** The record type a create request's {@code type} names: by value, by id, or by its four levels. */
    RecordType type(JsonNode type) {
        if (type == null || type.isNull()) {
            throw AccelaApiException.invalidData("The record type is required.",
                    "Set type, e.g. {\"value\": \"" + types.get(0).value() + "\"}.");
        }
        if (!type.isObject()) {
            throw AccelaApiException.badRequest("Invalid value for type.", "type must be an object such as {\"value\": \"...\"}.");
        }
        JsonBody named = JsonBody.element(type, "type");
        String value = named.text("value");
        String id = named.text("id");
        Optional<RecordType> found;
        if (value != null) {
            found = types.stream().filter(candidate -> candidate.value().equalsIgnoreCase(value)).findFirst();
        } else if (id != null) {
            found = types.stream().filter(candidate -> candidate.id().equalsIgnoreCase(id)).findFirst();
        } else {
            found = types.stream().filter(candidate -> same(candidate.group(), named.text("group"))
                    && same(candidate.type(), named.text("type"))
                    && same(candidate.subType(), named.text("subType"))
                    && same(candidate.category(), named.text("category"))).findFirst();
        }
        return found.orElseThrow(() -> AccelaApiException.invalidData("Invalid record type " + type + ".",
                "Configured record types: " + types.stream().map(RecordType::value).toList()));
    }

    List<RecordType> types() {
        return types;
    }

    RecordStatusSetting status(String value) {
        RecordStatusSetting status = value == null ? null : statuses.get(key(value));
        if (status == null) {
            throw AccelaApiException.invalidData("Invalid record status '" + value + "'.",
                    "Configured statuses: " + statuses.values().stream().map(RecordStatusSetting::value).toList());
        }
        return status;
    }

    RecordStatusSetting initialStatus() {
        return initialStatus;
    }

    String contactType(String value) {
        return oneOf(contactTypes, value, "contact type");
    }

    String priority(String value) {
        return oneOf(priorities, value, "priority");
    }

    String reportedChannel(String value) {
        return oneOf(reportedChannels, value, "reported channel");
    }

    /** The department key as the agency has it; any key when the agency lists none. */
    String department(String key) {
        return departments.isEmpty() || key == null ? key : oneOf(departments, key, "department");
    }

    CustomFormSetting form(String id) {
        CustomFormSetting form = id == null ? null : forms.get(id);
        if (form == null) {
            throw AccelaApiException.invalidData("Invalid custom form id '" + id + "'.",
                    "Custom forms of this agency: " + forms.keySet());
        }
        return form;
    }

    WorkflowSetting workflow() {
        return workflow;
    }

    private static String oneOf(List<String> allowed, String value, String what) {
        return allowed.stream()
                .filter(candidate -> candidate.equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> AccelaApiException.invalidData("Invalid " + what + " '" + value + "'.",
                        "Configured values: " + allowed));
    }

    private static boolean same(String configured, String sent) {
        return sent != null && configured.equalsIgnoreCase(sent);
    }

    private static String key(String status) {
        return status.strip().toLowerCase(Locale.ROOT);
    }
}
