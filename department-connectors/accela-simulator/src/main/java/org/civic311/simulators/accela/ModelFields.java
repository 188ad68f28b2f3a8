package org.civic311.simulators.accela;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The documented fields of an address or a contact (recordAddressModel, recordContactSimpleModel) and what
 * each holds. A record keeps only these, as Accela does, so a misspelt field ("zip" for "postalCode")
 * is silently gone when the record is read back, exactly as in production.
 */
final class ModelFields {

    private enum Kind {
        /** Text; numbers are taken as their text. */
        TEXT,
        /** A number; numeric text is taken as the number. */
        NUMBER,
        /** An agency-configured value: {@code {"value": "IL", "text": "Illinois"}}. */
        VALUE,
        /** {@code "Y"} or {@code "N"}. */
        FLAG,
        /** A nested object, kept as sent. */
        OBJECT
    }

    static final ModelFields ADDRESS = new ModelFields(Map.ofEntries(
            Map.entry("addressLine1", Kind.TEXT), Map.entry("addressLine2", Kind.TEXT),
            Map.entry("addressTypeFlag", Kind.VALUE), Map.entry("city", Kind.TEXT), Map.entry("country", Kind.VALUE),
            Map.entry("county", Kind.TEXT), Map.entry("crossStreetNameStart", Kind.TEXT),
            Map.entry("crossStreetNameEnd", Kind.TEXT), Map.entry("description", Kind.TEXT),
            Map.entry("direction", Kind.VALUE), Map.entry("distance", Kind.NUMBER),
            Map.entry("houseAlphaStart", Kind.TEXT), Map.entry("houseAlphaEnd", Kind.TEXT),
            Map.entry("houseFractionStart", Kind.VALUE), Map.entry("houseFractionEnd", Kind.VALUE),
            Map.entry("inspectionDistrict", Kind.TEXT), Map.entry("inspectionDistrictPrefix", Kind.TEXT),
            Map.entry("isPrimary", Kind.FLAG), Map.entry("levelStart", Kind.TEXT), Map.entry("levelEnd", Kind.TEXT),
            Map.entry("levelPrefix", Kind.TEXT), Map.entry("locationType", Kind.TEXT),
            Map.entry("neighborhood", Kind.TEXT), Map.entry("neighborhoodPrefix", Kind.TEXT),
            Map.entry("postalCode", Kind.TEXT), Map.entry("refAddressId", Kind.NUMBER),
            Map.entry("secondaryStreet", Kind.TEXT), Map.entry("secondaryStreetNumber", Kind.NUMBER),
            Map.entry("state", Kind.VALUE), Map.entry("status", Kind.VALUE), Map.entry("streetAddress", Kind.TEXT),
            Map.entry("streetEnd", Kind.NUMBER), Map.entry("streetEndFrom", Kind.NUMBER),
            Map.entry("streetEndTo", Kind.NUMBER), Map.entry("streetName", Kind.TEXT),
            Map.entry("streetNameStart", Kind.TEXT), Map.entry("streetNameEnd", Kind.TEXT),
            Map.entry("streetPrefix", Kind.TEXT), Map.entry("streetStart", Kind.NUMBER),
            Map.entry("streetStartFrom", Kind.NUMBER), Map.entry("streetStartTo", Kind.NUMBER),
            Map.entry("streetSuffix", Kind.VALUE), Map.entry("streetSuffixDirection", Kind.VALUE),
            Map.entry("type", Kind.VALUE), Map.entry("unitStart", Kind.TEXT), Map.entry("unitEnd", Kind.TEXT),
            Map.entry("unitType", Kind.VALUE), Map.entry("xCoordinate", Kind.NUMBER),
            Map.entry("yCoordinate", Kind.NUMBER)));

    static final ModelFields CONTACT = new ModelFields(Map.ofEntries(
            Map.entry("address", Kind.OBJECT), Map.entry("businessName", Kind.TEXT), Map.entry("comment", Kind.TEXT),
            Map.entry("email", Kind.TEXT), Map.entry("fax", Kind.TEXT), Map.entry("faxCountryCode", Kind.TEXT),
            Map.entry("firstName", Kind.TEXT), Map.entry("fullName", Kind.TEXT),
            Map.entry("individualOrOrganization", Kind.TEXT), Map.entry("isPrimary", Kind.FLAG),
            Map.entry("lastName", Kind.TEXT), Map.entry("middleName", Kind.TEXT),
            Map.entry("organizationName", Kind.TEXT), Map.entry("phone1", Kind.TEXT),
            Map.entry("phone1CountryCode", Kind.TEXT), Map.entry("phone2", Kind.TEXT),
            Map.entry("phone2CountryCode", Kind.TEXT), Map.entry("phone3", Kind.TEXT),
            Map.entry("phone3CountryCode", Kind.TEXT), Map.entry("postOfficeBox", Kind.TEXT),
            Map.entry("preferredChannel", Kind.VALUE), Map.entry("referenceContactId", Kind.TEXT),
            Map.entry("relation", Kind.VALUE), Map.entry("salutation", Kind.VALUE), Map.entry("status", Kind.VALUE),
            Map.entry("suffix", Kind.TEXT), Map.entry("title", Kind.TEXT), Map.entry("tradeName", Kind.TEXT),
            Map.entry("type", Kind.VALUE)));

    private final Map<String, Kind> kinds;

    private ModelFields(Map<String, Kind> kinds) {
        this.kinds = kinds;
    }

    /** The documented fields of {@code element}, checked and normalised; {@code text} is filled in from {@code value}. */
    ObjectNode copy(JsonNode element, String what) {
        JsonBody in = JsonBody.element(element, what);
        ObjectNode out = Envelope.JSON.objectNode();
        in.fields().forEachRemaining(field -> {
            Kind kind = kinds.get(field.getKey());
            JsonNode value = field.getValue();
            if (kind == null || value.isNull()) {
                return;
            }
            String name = field.getKey();
            switch (kind) {
                case TEXT -> out.put(name, in.text(name));
                case NUMBER -> out.set(name, number(value, what + "." + name));
                case VALUE -> {
                    String data = in.value(name);
                    JsonNode text = value.get("text");
                    out.set(name, RecordJson.valueText(data, text == null || text.isNull() ? data : text.asText()));
                }
                case FLAG -> out.put(name, flag(in.text(name), what + "." + name));
                case OBJECT -> {
                    if (!value.isObject()) {
                        throw AccelaApiException.badRequest("Invalid value for " + what + "." + name + ".",
                                what + "." + name + " must be a JSON object.");
                    }
                    out.set(name, value.deepCopy());
                }
            }
        });
        return out;
    }

    private static JsonNode number(JsonNode value, String field) {
        if (value.isNumber()) {
            return value.deepCopy();
        }
        try {
            if (value.isTextual()) {
                return Envelope.JSON.numberNode(new BigDecimal(value.asText().strip()));
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw AccelaApiException.badRequest("Invalid value for " + field + ".", field + " must be a number.");
    }

    static String flag(String value, String field) {
        if ("Y".equalsIgnoreCase(value) || "N".equalsIgnoreCase(value)) {
            return value.toUpperCase(Locale.ROOT);
        }
        throw AccelaApiException.invalidData("Invalid value '" + value + "' for " + field + ".", field + " must be Y or N.");
    }
}
