package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Camunda Modeler element templates of processes/element-templates/: valid for the Modeler (its own validator,
 * installed by the build's npm ci), naming delegates the application has, and giving an element exactly what the
 * request-type models of processes/ already use.
 */
class ElementTemplatesTest {

    private static final Path TEMPLATES = Path.of("../processes/.camunda/element-templates/civic311.json");
    private static final Path PROCESSES = Path.of("../processes");
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String VALIDATE = """
            const { validateAll } = require('@bpmn-io/element-templates-validator');
            const templates = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
            const result = validateAll(templates);
            console.log(JSON.stringify({ valid: result.valid, errors: result.results.flatMap((r, i) =>
                (r.errors || []).map(e => (templates[i].id || i) + ' ' + e.instancePath + ': ' + e.message)) }));
            """;

    static JsonNode templates;
    static List<Document> models;

    @BeforeAll
    static void read() throws Exception {
        templates = new ObjectMapper().readTree(TEMPLATES.toFile());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        models = new ArrayList<>();
        try (Stream<Path> files = Files.list(PROCESSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                models.add(factory.newDocumentBuilder().parse(file.toFile()));
            }
        }
    }

    @Test
    void theBuildingBlocksAreThereAndTheModelerAcceptsThem() throws Exception {
        assertThat(templates.findValuesAsText("name")).contains("Route with rules", "Dispatch to department",
                "Wait for completion", "Notify resident", "Escalate");

        JsonNode validation = validate(TEMPLATES);

        assertThat(validation.path("errors")).as("the Modeler's element template validator").isEmpty();
        assertThat(validation.path("valid").asBoolean()).isTrue();
    }

    @Test
    void aTemplateTheModelerWouldRefuseIsFound() throws Exception {
        Path broken = Files.createTempFile("broken-template", ".json");
        try {
            Files.writeString(broken, """
                    [{"name": "Dispatch", "id": "broken", "appliesTo": ["bpmn:CallActivity"],
                      "properties": [{"type": "Hidden", "binding": {"type": "camunda:in"}}]}]""");
            JsonNode validation = validate(broken);

            assertThat(validation.path("valid").asBoolean()).isFalse();
            assertThat(validation.path("errors").toString()).contains("broken /properties/0/binding");
        } finally {
            Files.deleteIfExists(broken);
        }
    }

    @Test
    void everyDelegateATemplateNamesIsADelegateBeanOfTheApplication() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AssignableTypeFilter(JavaDelegate.class));
        Set<String> beans = new HashSet<>();
        scan.findCandidateComponents("org.civic311.orchestrator.workflow").forEach(candidate -> {
            try {
                Component component = Class.forName(candidate.getBeanClassName()).getAnnotation(Component.class);
                if (component != null) {
                    beans.add(component.value());
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(delegates()).isNotEmpty().allSatisfy(expression ->
                assertThat(beans).as(expression).contains(expression.substring(2, expression.length() - 1)));
    }

    @Test
    void eachTemplateGivesAnElementWhatTheModelsInProcessesUse() {
        for (JsonNode template : templates) {
            String id = template.path("id").asText();
            List<Element> uses = uses(template);
            assertThat(uses).as(id + ": used by a model in processes/").isNotEmpty();
            for (Element element : uses) {
                for (JsonNode property : template.path("properties")) {
                    assertBound(id, element, property);
                }
            }
        }
    }

    @Test
    void waitForCompletionWaitsForTheMessageTheApplicationCorrelates() {
        JsonNode wait = template("org.civic311.WaitForCompletion");
        assertThat(wait.path("description").asText()).contains(ProcessVariables.DEPARTMENT_WORK_DONE);

        List<String> awaitingTheDepartment = elements("receiveTask").stream()
                .filter(task -> ProcessVariables.DEPARTMENT_WORK_DONE.equals(
                        messageName(task.getOwnerDocument(), task.getAttribute("messageRef"))))
                .map(task -> task.getAttribute("name")).toList();
        assertThat(awaitingTheDepartment).containsExactly(wait.path("properties").get(0).path("value").asText());
    }

    /** The elements of processes/ a template stands for: its element type, with its delegate or called process. */
    private static List<Element> uses(JsonNode template) {
        String type = template.path("elementType").path("value").asText().substring("bpmn:".length());
        String localName = Character.toLowerCase(type.charAt(0)) + type.substring(1);
        List<Element> candidates = elements(localName);
        for (JsonNode property : template.path("properties")) {
            String name = property.path("binding").path("name").asText();
            if ("camunda:delegateExpression".equals(name) || "calledElement".equals(name)) {
                String value = property.path("value").asText();
                candidates = candidates.stream().filter(e -> value.equals(attribute(e, name))).toList();
            }
        }
        return candidates;
    }

    private static void assertBound(String id, Element element, JsonNode property) {
        JsonNode binding = property.path("binding");
        String what = id + " on " + element.getAttribute("id") + ": " + property.path("label").asText();
        switch (binding.path("type").asText()) {
            case "property" -> {
                if (!"name".equals(binding.path("name").asText())) {
                    assertThat(attribute(element, binding.path("name").asText())).as(what)
                            .isEqualTo(property.path("value").asText());
                }
            }
            case "camunda:in:businessKey" -> assertThat(children(element, "in").stream()
                    .map(in -> in.getAttribute("businessKey"))).as(what).contains(property.path("value").asText());
            case "camunda:in", "camunda:out" -> assertThat(children(element,
                    binding.path("type").asText().substring("camunda:".length())).stream()
                    .map(mapping -> mapping.getAttribute("variables"))).as(what)
                    .contains(binding.path("variables").asText());
            case "camunda:inputParameter" -> {
                List<String> values = children(element, "inputParameter").stream()
                        .filter(p -> binding.path("name").asText().equals(p.getAttribute("name")))
                        .map(Element::getTextContent).toList();
                assertThat(values).as(what).hasSize(1);
                if (property.has("choices")) {
                    assertThat(property.path("choices").findValuesAsText("value")).as(what).contains(values.get(0));
                }
            }
            default -> throw new AssertionError(what + ": a binding this test does not know: " + binding);
        }
    }

    private static List<String> delegates() {
        List<String> values = new ArrayList<>();
        for (JsonNode template : templates) {
            for (JsonNode property : template.path("properties")) {
                if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
                    values.add(property.path("value").asText());
                }
            }
        }
        return values;
    }

    private static JsonNode template(String id) {
        for (JsonNode template : templates) {
            if (id.equals(template.path("id").asText())) {
                return template;
            }
        }
        throw new AssertionError("No template " + id);
    }

    private static List<Element> elements(String localName) {
        List<Element> found = new ArrayList<>();
        for (Document model : models) {
            NodeList nodes = model.getElementsByTagNameNS(BPMN, localName);
            for (int i = 0; i < nodes.getLength(); i++) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }

    private static List<Element> children(Element element, String camundaName) {
        NodeList nodes = element.getElementsByTagNameNS(CAMUNDA, camundaName);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static String attribute(Element element, String name) {
        return name.startsWith("camunda:") ? element.getAttributeNS(CAMUNDA, name.substring("camunda:".length()))
                : element.getAttribute(name);
    }

    private static String messageName(Document model, String id) {
        NodeList messages = model.getElementsByTagNameNS(BPMN, "message");
        for (int i = 0; i < messages.getLength(); i++) {
            Element message = (Element) messages.item(i);
            if (id.equals(message.getAttribute("id"))) {
                return message.getAttribute("name");
            }
        }
        return null;
    }

    private static JsonNode validate(Path file) throws IOException, InterruptedException {
        NodeTool.Run run = NodeTool.run("the element template validator",
                List.of("-e", VALIDATE, file.toAbsolutePath().toString()));
        assertThat(run.exitCode()).as(run.output()).isZero();
        return new ObjectMapper().readTree(run.output());
    }
}
