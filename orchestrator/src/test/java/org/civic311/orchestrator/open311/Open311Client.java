package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An Open311 client over real HTTP, as city websites and apps talk to Civic311. */
final class Open311Client {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    Open311Client(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Answer get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
    }

    Answer post(String path, Form form) {
        return post(path, form, new String[0]);
    }

    /** @param headers names and values, e.g. {@code "Idempotency-Key", "k-1"} */
    Answer post(String path, Form form, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(form.encoded(), StandardCharsets.UTF_8))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    Answer send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What came back. */
    record Answer(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            assertThat(contentType).as("content type").isEqualToIgnoringWhitespace("application/json;charset=UTF-8");
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        /** The XML answer, checked for what the spec asks of every one: UTF-8 declared, no namespace. */
        Element xml() {
            assertThat(contentType).as("content type").isEqualToIgnoringWhitespace("text/xml;charset=UTF-8");
            assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                Document document = factory.newDocumentBuilder()
                        .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
                Element root = document.getDocumentElement();
                assertNoNamespace(root);
                return root;
            } catch (Exception e) {
                throw new AssertionError("Not XML: " + body, e);
            }
        }

        /** The error descriptions, from either format. */
        List<String> errors() {
            if (contentType.startsWith("application/json")) {
                JsonNode errors = json();
                assertThat(errors.isArray()).as(body).isTrue();
                errors.forEach(e -> assertThat(e.get("code").asInt()).isPositive());
                return errors.findValuesAsText("description");
            }
            Element root = xml();
            assertThat(root.getTagName()).isEqualTo("errors");
            return children(root).stream().peek(e -> {
                assertThat(e.getTagName()).isEqualTo("error");
                assertThat(children(e)).extracting(Element::getTagName).containsExactly("code", "description");
            }).map(e -> text(e, "description")).toList();
        }
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    static List<String> names(Element parent) {
        return children(parent).stream().map(Element::getTagName).toList();
    }

    /** The text of the one child called {@code name}; null when there is none. */
    static String text(Element parent, String name) {
        List<Element> found = children(parent).stream().filter(e -> e.getTagName().equals(name)).toList();
        assertThat(found.size()).as("<" + name + "> elements in <" + parent.getTagName() + ">").isLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }

    static Element child(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">"));
    }

    private static void assertNoNamespace(Element element) {
        assertThat(element.getNamespaceURI()).as("namespace of <" + element.getTagName() + ">").isNull();
        assertThat(element.getAttributes().getLength()).as("attributes of <" + element.getTagName() + ">").isZero();
        children(element).forEach(Open311Client::assertNoNamespace);
    }

    /** A form, in the order its fields were added. */
    static final class Form {

        private final List<String[]> fields = new ArrayList<>();

        static Form of(String... namesAndValues) {
            Form form = new Form();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                form.add(namesAndValues[i], namesAndValues[i + 1]);
            }
            return form;
        }

        Form add(String name, String value) {
            fields.add(new String[] {name, value});
            return this;
        }

        Form set(String name, String value) {
            return without(name).add(name, value);
        }

        Form without(String name) {
            fields.removeIf(f -> f[0].equals(name));
            return this;
        }

        String encoded() {
            return fields.stream().map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(f[1], StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        }
    }
}
