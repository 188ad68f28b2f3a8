package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The spec defines its JSON as the "Spark convention" mapping of its XML. This is that mapping, written from the
 * spec's examples, to hold the two formats of one answer against each other, element by element.
 */
final class SparkConvention {

    /** The spec's lists, and what each calls its items. */
    static final Map<String, String> LISTS = Map.of(
            "services", "service",
            "attributes", "attribute",
            "values", "value",
            "service_requests", "request",
            "notes", "note",
            "service_request_updates", "request_update",
            "errors", "error",
            "endpoints", "endpoint",
            "formats", "format");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SparkConvention() {
    }

    static void assertSameContent(Open311Client.Answer json, Open311Client.Answer xml) {
        assertThat(json.status()).isEqualTo(xml.status());
        assertThat(toJson(xml.xml())).isEqualTo(textual(json.json()));
    }

    static JsonNode toJson(Element element) {
        String item = LISTS.get(element.getTagName());
        if (item != null) {
            ArrayNode list = NODES.arrayNode();
            for (Element child : Open311Client.children(element)) {
                assertThat(child.getTagName()).as("an item of <" + element.getTagName() + ">").isEqualTo(item);
                list.add(toJson(child));
            }
            return list;
        }
        if (Open311Client.children(element).isEmpty()) {
            return NODES.textNode(element.getTextContent());
        }
        ObjectNode object = NODES.objectNode();
        for (Element child : Open311Client.children(element)) {
            assertThat(object.has(child.getTagName())).as("<" + child.getTagName() + "> twice").isFalse();
            object.set(child.getTagName(), toJson(child));
        }
        return object;
    }

    /** XML carries every value as text. */
    static JsonNode textual(JsonNode json) {
        if (json.isArray()) {
            ArrayNode list = NODES.arrayNode();
            json.forEach(j -> list.add(textual(j)));
            return list;
        }
        if (json.isObject()) {
            ObjectNode object = NODES.objectNode();
            json.properties().forEach(p -> object.set(p.getKey(), textual(p.getValue())));
            return object;
        }
        return NODES.textNode(json.asText());
    }
}
