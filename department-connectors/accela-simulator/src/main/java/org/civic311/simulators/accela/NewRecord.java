package org.civic311.simulators.accela;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A checked Create Record request (request_createRecordModel), reduced to what the simulator keeps.
 * Parcels, owners, professionals and custom tables are accepted and dropped; so are custom forms, which
 * Accela's Create Record does not take (they are written afterwards with PUT .../customForms).
 */
record NewRecord(RecordType type, String name, String description, String shortNotes, String priority,
                 String reportedChannel, Instant reportedDate, String assignedToDepartment,
                 List<ObjectNode> addresses, List<ObjectNode> contacts, boolean sentCustomForms) {

    /**
     * The width of {@code shortNotes}, where integrations keep their own reference. Accela publishes none; this is
     * deliberately narrow, so a client that fits it should fit any agency.
     */
    static final int SHORT_NOTES_LENGTH = 100;

    static NewRecord from(JsonNode json, RecordCatalog catalog, AgencyClock clock) {
        JsonBody body = JsonBody.of(json);
        RecordType type = catalog.type(body.get("type"));
        String priority = body.value("priority");
        String channel = body.value("reportedChannel");
        requireFields(type, json);
        return new NewRecord(type,
                body.text("name"),
                body.text("description"),
                shortNotes(body),
                priority == null ? null : catalog.priority(priority),
                channel == null ? null : catalog.reportedChannel(channel),
                body.date("reportedDate", clock),
                catalog.department(body.text("assignedToDepartment")),
                elements(body, "addresses", ModelFields.ADDRESS),
                contacts(body, catalog),
                body.has("customForms"));
    }

    /** @throws AccelaApiException data_validation_error naming the first field the record type requires that is missing */
    private static void requireFields(RecordType type, JsonNode json) {
        for (String field : type.requiredFields()) {
            JsonNode value = field.startsWith("addresses.")
                    ? json.path("addresses").path(0).path(field.substring("addresses.".length()))
                    : json.path(field);
            boolean given = value.isValueNode() ? !value.asText().isBlank()
                    : value.isObject() ? !value.path("value").asText("").isBlank() : !value.isMissingNode() && !value.isNull()
                    && !value.isEmpty();
            if (!given) {
                throw AccelaApiException.invalidData("The field " + field + " is required for record type "
                        + type.value() + ".", "Required for this record type: " + type.requiredFields());
            }
        }
    }

    /** @throws AccelaApiException data_validation_error when the value is wider than the field */
    static String shortNotes(JsonBody body) {
        String shortNotes = body.text("shortNotes");
        if (shortNotes != null && shortNotes.length() > SHORT_NOTES_LENGTH) {
            throw AccelaApiException.invalidData("shortNotes is " + shortNotes.length() + " characters long.",
                    "At most " + SHORT_NOTES_LENGTH + " characters fit in shortNotes.");
        }
        return shortNotes;
    }

    private static List<ObjectNode> contacts(JsonBody body, RecordCatalog catalog) {
        List<ObjectNode> contacts = elements(body, "contacts", ModelFields.CONTACT);
        for (int i = 0; i < contacts.size(); i++) {
            ObjectNode contact = contacts.get(i);
            JsonNode type = contact.path("type").path("value");
            if (!type.isTextual()) {
                throw AccelaApiException.invalidData("The contact type is required for contacts[" + i + "].",
                        "Set contacts[" + i + "].type, e.g. {\"value\": \"Complainant\"}.");
            }
            String configured = catalog.contactType(type.asText());
            contact.set("type", RecordJson.valueText(configured, configured));
        }
        return contacts;
    }

    private static List<ObjectNode> elements(JsonBody body, String field, ModelFields fields) {
        JsonNode list = body.get(field);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw AccelaApiException.badRequest("Invalid value for " + field + ".", field + " must be a JSON array.");
        }
        List<ObjectNode> copies = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            copies.add(fields.copy(list.get(i), field + "[" + i + "]"));
        }
        return copies;
    }
}
