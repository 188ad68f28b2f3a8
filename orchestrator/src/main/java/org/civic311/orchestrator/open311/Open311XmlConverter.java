package org.civic311.orchestrator.open311;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes Open311 answers as the spec's XML: a declaration naming UTF-8, no namespace, one element per field.
 * The spec defines its JSON as a mechanical mapping of its XML, so this walks the very JSON tree the JSON answer
 * is written from: both formats always carry the same fields, and nothing can appear in one only.
 */
final class Open311XmlConverter extends AbstractHttpMessageConverter<Open311Body> {

    /** What the spec calls the items of each list. */
    private static final Map<String, String> ITEMS = Map.ofEntries(
            Map.entry("services", "service"),
            Map.entry("attributes", "attribute"),
            Map.entry("values", "value"),
            Map.entry("service_requests", "request"),
            Map.entry("notes", "note"),
            Map.entry("service_request_updates", "request_update"),
            Map.entry("errors", "error"),
            Map.entry("endpoints", "endpoint"),
            Map.entry("formats", "format"));

    // The JDK's own writer, whatever else is on the classpath: the declaration's exact form stays put.
    private final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();
    private final ObjectMapper json;

    Open311XmlConverter(ObjectMapper json) {
        super(StandardCharsets.UTF_8, Format.XML.mediaType());
        this.json = json;
    }

    @Override
    protected boolean supports(Class<?> type) {
        return Open311Body.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Open311Body readInternal(Class<? extends Open311Body> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("Open311 answers are only written", input);
    }

    @Override
    protected void writeInternal(Open311Body body, HttpOutputMessage output) throws IOException {
        write(body, output.getBody());
    }

    void write(Open311Body body, OutputStream output) throws IOException {
        JsonNode tree = json.valueToTree(body.content());
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(output, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            element(xml, body.root(), tree);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new HttpMessageNotWritableException("Could not write the Open311 XML answer", e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, JsonNode node) throws XMLStreamException {
        if (node.isNull() || node.isMissingNode()) {
            return;
        }
        xml.writeStartElement(name);
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                element(xml, field.getKey(), field.getValue());
            }
        } else if (node.isArray()) {
            String item = ITEMS.get(name);
            if (item == null) {
                throw new IllegalStateException("The spec names no items for the list " + name);
            }
            for (JsonNode child : node) {
                element(xml, item, child);
            }
        } else {
            xml.writeCharacters(legal(node.asText()));
        }
        xml.writeEndElement();
    }

    /** Drops what XML 1.0 cannot carry at all (control characters, lone surrogates), so a stored text never breaks it. */
    static String legal(String text) {
        if (text.codePoints().allMatch(Open311XmlConverter::isLegal)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(Open311XmlConverter::isLegal).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean isLegal(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
