package org.civic311.connectors.accela;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.ConnectorRefusal;
import org.civic311.connectors.WorkOrder;
import org.civic311.connectors.accela.AccelaConnectorProperties.CreateBody;
import org.civic311.connectors.accela.AccelaConnectorProperties.CustomForm;
import org.civic311.connectors.accela.AccelaConnectorProperties.Department;

/**
 * The Accela record a work order becomes: the Create Record body (record type, description, our tag, address,
 * the resident as complainant) and the custom form written after it, since Create Record does not take custom
 * forms.
 */
final class WorkOrderRecord {

    private final WorkOrder order;
    private final String recordType;
    private final Department department;
    private final AccelaConnectorProperties properties;
    private final AgencyTime time;

    private WorkOrderRecord(WorkOrder order, String recordType, Department department,
                            AccelaConnectorProperties properties, AgencyTime time) {
        this.order = order;
        this.recordType = recordType;
        this.department = department;
        this.properties = properties;
        this.time = time;
    }

    /** An Accela record type: Group/Type/SubType/Category, each level given. */
    private static final Pattern RECORD_TYPE = Pattern.compile("[^/]*[^/\\s][^/]*(/[^/]*[^/\\s][^/]*){3}");

    /**
     * @throws ConnectorException naming the property to set when the department is not set up for Accela
     * @throws ConnectorRefusal   when the routing decision gave no record type, or one that is no record type
     */
    static WorkOrderRecord of(WorkOrder order, AccelaConnectorProperties properties, AgencyTime time) {
        String code = order.department().toLowerCase(Locale.ROOT);
        String where = AccelaConnectorProperties.PREFIX + ".departments." + code;
        Department department = properties.department(code);
        if (department == null) {
            throw new ConnectorException("Department '" + order.department() + "' is not set up for Accela: add "
                    + where + " (e.g. " + where + ".custom-form.id=CIVIC311-INTAKE)");
        }
        String recordType = order.workType() == null ? null : order.workType().strip();
        if (recordType == null || recordType.isEmpty()) {
            throw new ConnectorRefusal("The routing decision gives no Accela record type for " + order.serviceCode()
                    + " to department '" + code + "': give it as the work type in the routing rules, e.g. routeTo(\""
                    + code + "\", \"accela\", \"P3\", \"ServiceRequest/Trees and Weeds/Tall Grass and Weeds/NA\")");
        }
        if (!RECORD_TYPE.matcher(recordType).matches()) {
            throw new ConnectorRefusal("The work type '" + recordType + "' routed to department '" + code
                    + "' is no Accela record type: give Group/Type/SubType/Category, e.g. ServiceRequest/Trees and"
                    + " Weeds/Tall Grass and Weeds/NA");
        }
        return new WorkOrderRecord(order, recordType, department, properties, time);
    }

    String tag() {
        return RecordTag.of(order.taskKey());
    }

    String recordType() {
        return recordType;
    }

    /** request_createRecordModel, with only what the resident gave. */
    ObjectNode createBody() {
        ObjectNode body = AccelaAnswer.JSON.createObjectNode();
        body.putObject("type").put("value", recordType);
        put(body, "name", name());
        body.put("description", description());
        body.put("shortNotes", tag());
        CreateBody create = department.createBody(order.serviceCode());
        String priority = priority(create);
        if (!isBlank(priority)) {
            body.putObject("priority").put("value", priority);
        }
        if (!isBlank(properties.reportedChannel())) {
            body.putObject("reportedChannel").put("value", properties.reportedChannel());
        }
        put(body, "assignedToDepartment", isBlank(create.assignedToDepartment()) ? department.assignedToDepartment()
                : create.assignedToDepartment());
        ObjectNode address = address(create);
        if (address != null) {
            body.putArray("addresses").add(address);
        }
        ObjectNode contact = contact();
        if (contact != null) {
            body.putArray("contacts").add(contact);
        }
        return body;
    }

    /** {@code [{"id": formId, "Field Name": "value"}]}; empty when the department writes no custom form. */
    ArrayNode customForms() {
        ArrayNode forms = AccelaAnswer.JSON.createArrayNode();
        CustomForm form = department.customForm();
        if (form == null || !form.isWritten()) {
            return forms;
        }
        ObjectNode values = forms.addObject().put("id", form.id());
        fieldValues(form).forEach(values::put);
        return forms;
    }

    /**
     * Whether a record read back (with {@code expand=customForms}) already holds our custom form values, so a
     * retry only writes the form when an earlier attempt did not get that far.
     */
    boolean hasCustomForm(JsonNode record) {
        CustomForm form = department.customForm();
        if (form == null || !form.isWritten()) {
            return true;
        }
        for (JsonNode written : record.path("customForms")) {
            if (form.id().equals(AccelaAnswer.text(written, "id"))) {
                return fieldValues(form).entrySet().stream()
                        .allMatch(field -> field.getValue().equals(AccelaAnswer.text(written, field.getKey())));
            }
        }
        return false;
    }

    private Map<String, String> fieldValues(CustomForm form) {
        Map<String, String> values = new LinkedHashMap<>();
        field(values, form.taskIdField(), CustomFieldFormat.text(order.taskKey()));
        field(values, form.trackingNumberField(), CustomFieldFormat.text(order.trackingNumber()));
        field(values, form.serviceCodeField(), CustomFieldFormat.text(order.serviceCode()));
        field(values, form.dueDateField(), order.dueAt() == null ? null
                : CustomFieldFormat.date(order.dueAt().atZone(time.zone()).toLocalDate()));
        for (AccelaConnectorProperties.AnswerField answer : form.answerFields()) {
            field(values, answer.field(), answer.type().value(order.attributes().get(answer.attribute()), time.zone()));
        }
        return values;
    }

    private static void field(Map<String, String> values, String name, String value) {
        if (!isBlank(name) && !isBlank(value)) {
            values.put(name, value);
        }
    }

    private String name() {
        String name = ((order.trackingNumber() == null ? "" : order.trackingNumber()) + " "
                + (order.serviceName() == null ? "" : order.serviceName())).strip();
        return name.isEmpty() ? null : name;
    }

    /** What the officer reads first: our tracking number, the resident's words, the answers and the due date. */
    private String description() {
        StringBuilder text = new StringBuilder();
        if (order.trackingNumber() != null) {
            text.append(order.trackingNumber()).append(": ");
        }
        text.append(isBlank(order.description()) ? "(no description given)" : order.description().strip());
        if (!order.attributes().isEmpty()) {
            text.append("\n");
            order.attributes().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(answer -> text.append("\n").append(answer.getKey()).append(": ")
                            .append(String.join(", ", answerValues(answer.getValue()))));
        }
        text.append("\n\nWhere: ").append(order.location().describe());
        if (!isBlank(order.mediaUrl())) {
            text.append("\nPhoto: ").append(order.mediaUrl());
        }
        if (order.dueAt() != null) {
            text.append("\nDue by ").append(time.forPeople(order.dueAt()));
        }
        text.append("\nReported through Civic311 (task ").append(order.taskKey()).append(").");
        return text.toString();
    }

    private static List<String> answerValues(List<String> values) {
        return values == null ? List.of() : values;
    }

    /** The record type's own priority value or code, else the connector's. */
    private String priority(CreateBody create) {
        if (order.priority() == null) {
            return null;
        }
        String own = AccelaConnectorProperties.ConfiguredKey.find(create.priorities(), order.priority());
        return own != null ? own : AccelaConnectorProperties.ConfiguredKey.find(properties.priorities(), order.priority());
    }

    /**
     * recordAddressModel: the one-line address and the coordinates (Accela keeps x as longitude, y as latitude); for a
     * STRUCTURED address also its street parts, city and state.
     */
    private ObjectNode address(CreateBody create) {
        WorkOrder.Location location = order.location();
        ObjectNode address = AccelaAnswer.JSON.createObjectNode();
        put(address, "addressLine1", location.address());
        if (create.address() == AccelaConnectorProperties.AddressFormat.STRUCTURED) {
            StreetAddress.parse(location.address()).ifPresent(street -> {
                address.put("streetStart", street.number());
                if (street.direction() != null) {
                    address.putObject("direction").put("value", street.direction());
                }
                address.put("streetName", street.name());
                if (street.suffix() != null) {
                    address.putObject("streetSuffix").put("value", street.suffix());
                }
            });
            put(address, "city", create.city());
            if (!isBlank(create.state())) {
                address.putObject("state").put("value", create.state().strip());
            }
        }
        put(address, "postalCode", location.zipcode());
        if (location.lat() != null && location.lon() != null) {
            address.put("xCoordinate", location.lon());
            address.put("yCoordinate", location.lat());
        }
        if (address.isEmpty()) {
            return null;
        }
        address.put("isPrimary", "Y");
        return address;
    }

    /** The resident as the complainant, with only the fields they gave; none when they gave nothing. */
    private ObjectNode contact() {
        WorkOrder.Caller caller = order.caller();
        ObjectNode contact = AccelaAnswer.JSON.createObjectNode();
        put(contact, "firstName", caller.firstName());
        put(contact, "lastName", caller.lastName());
        put(contact, "email", caller.email());
        put(contact, "phone1", caller.phone());
        if (contact.isEmpty()) {
            return null;
        }
        contact.putObject("type").put("value", properties.contactType());
        contact.put("isPrimary", "Y");
        return contact;
    }

    private static void put(ObjectNode json, String field, String value) {
        if (!isBlank(value)) {
            json.put(field, value.strip());
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
