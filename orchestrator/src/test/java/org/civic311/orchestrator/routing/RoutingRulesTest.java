package org.civic311.orchestrator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.KieServices;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieContainer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * rules/routing/: the routing matrix (routing-matrix.drl.csv, a decision table) and routing.drl, compiled from the
 * classpath as the application does. Every row of the matrix has its case here: a row added without one fails.
 */
class RoutingRulesTest {

    private static final Path MATRIX = Path.of("../rules/routing/routing-matrix.drl.csv");
    private static final Path PROCESSES = Path.of("../processes");
    private static final Set<String> SHARED_PROCESSES = Set.of("department-work", "resident-follow-up",
            "department-withdrawal");

    /** Service code, answer (question=answer), department, system, work type, priority: one line per matrix row. */
    private static final String[] ROWS = {
        "pothole             |                    | streets             | email     |                                                        | P3",
        "pothole             | hazard=yes         | streets             | email     |                                                        | P1",
        "damaged_tree        |                    | urban-forestry      | cityworks | TREE DAMAGED                                           | P2",
        "damaged_tree        | blocking=yes       | urban-forestry      | cityworks | TREE DOWN                                              | P1",
        "high_weeds          |                    | code-enforcement    | accela    | ServiceRequest/Trees and Weeds/Tall Grass and Weeds/NA | P3",
        "missed_collection   |                    | sanitation          | cityworks | MISSED COLLECTION                                      | P2",
        "damaged_cart        |                    | sanitation          | cityworks | CART DAMAGED                                           | P3",
        "street_light_out    |                    | traffic             | cityworks | STREET LIGHT OUT                                       | P3",
        "street_light_out    | lights_out=several | traffic             | cityworks | STREET LIGHT OUT                                       | P2",
        "graffiti            |                    | sanitation          | cityworks | GRAFFITI                                               | P3",
        "graffiti            | offensive=yes      | sanitation          | cityworks | GRAFFITI                                               | P1",
        "abandoned_vehicle   |                    | code-enforcement    | accela    | ServiceRequest/Vehicles/Abandoned Vehicle/NA           | P3",
        "illegal_parking     |                    | parking-enforcement | email     |                                                        | P2",
        "illegal_parking     | blocking=driveway  | parking-enforcement | email     |                                                        | P1",
        "illegal_parking     | blocking=hydrant   | parking-enforcement | email     |                                                        | P1",
        "traffic_signal_sign |                    | traffic             | cityworks | SIGN DAMAGED                                           | P2",
        "traffic_signal_sign | problem=signal_out | traffic             | cityworks | SIGNAL OUT                                             | P1",
        "traffic_signal_sign | problem=stop_sign  | traffic             | cityworks | SIGN DAMAGED                                           | P1",
        "dead_animal         |                    | animal-care         | email     |                                                        | P2",
        "dead_animal         | location=roadway   | animal-care         | email     |                                                        | P1",
        "illegal_dumping     |                    | sanitation          | cityworks | ILLEGAL DUMPING                                        | P2",
        "illegal_dumping     | property=private   | code-enforcement    | accela    | ServiceRequest/Property Maintenance/Junk and Debris/NA | P3",
        "illegal_dumping     | hazardous=yes      | sanitation          | cityworks | ILLEGAL DUMPING                                        | P1",
        "bulky_item          |                    | sanitation          | cityworks | BULKY ITEM PICKUP                                      | P3",
    };

    static RoutingRules rules;

    @BeforeAll
    static void compile() {
        KieContainer container = KieServices.get().getKieClasspathContainer();
        assertThat(container.verify().getMessages(Message.Level.ERROR)).isEmpty();
        rules = new RoutingRules(() -> container);
    }

    static Stream<Arguments> rows() {
        return Stream.of(ROWS).map(row -> Arguments.of(Stream.of(row.split("\\|", -1)).map(String::strip)
                .map(cell -> cell.isEmpty() ? null : cell).toArray()));
    }

    @ParameterizedTest(name = "{0} {1}: {2} in {3}, {4}, {5}")
    @MethodSource("rows")
    void eachRowOfTheMatrixRoutesItsRequests(String serviceCode, String answer, String department, String system,
                                             String workType, String priority) {
        RoutingDecision decision = rules.route(request(serviceCode, answers(answer)));

        assertThat(decision.getDepartment()).isEqualTo(department);
        assertThat(decision.getSystem()).isEqualTo(system);
        assertThat(decision.getWorkType()).as("work type").isEqualTo(workType);
        assertThat(decision.getPriority()).isEqualTo(priority);
    }

    @Test
    void everyRowOfTheMatrixHasItsCaseHereAndLeavesRoomForTheAreaRules() throws IOException {
        List<String> tested = new ArrayList<>();
        for (String row : ROWS) {
            String[] cells = row.split("\\|");
            tested.add(cells[0].strip() + " " + cells[1].strip());
        }
        List<MatrixRow> matrix = matrixRows();

        assertThat(matrix.stream().map(row -> row.serviceCode() + " " + row.answer().replace(", ", "=").strip()))
                .containsExactlyInAnyOrderElementsOf(tested);
        assertThat(matrix).allSatisfy(row -> assertThat(row.salience()).as(row.name()).isBetween(0, 19));
        assertThat(matrix).filteredOn(row -> !row.answer().isEmpty())
                .allSatisfy(row -> assertThat(row.salience()).as("an answer's row outranks its type's: " + row.name())
                        .isPositive());
    }

    @Test
    void everyRequestTypeInProcessesHasARowAndEveryAnswerTheMatrixTestsIsOneItsFormOffers() throws Exception {
        List<MatrixRow> matrix = matrixRows();
        Set<String> codes = new HashSet<>();
        matrix.forEach(row -> codes.add(row.serviceCode()));
        try (Stream<Path> files = Files.list(PROCESSES)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".bpmn"))
                    .map(name -> name.substring(0, name.length() - ".bpmn".length()))
                    .filter(key -> !SHARED_PROCESSES.contains(key)))
                    .allSatisfy(type -> assertThat(codes).as("a routing-matrix row for " + type).contains(type));
        }
        for (MatrixRow row : matrix.stream().filter(r -> !r.answer().isEmpty()).toList()) {
            String[] answer = row.answer().split(",\\s*");
            assertThat(formValues(row.serviceCode(), answer[0])).as(row.name()).contains(answer[1]);
        }
    }

    @Test
    void anAnswerRowWithAHigherSalienceWinsWhenTwoAnswersApply() {
        RoutingDecision decision = rules.route(request("illegal_dumping",
                Map.of("property", List.of("private"), "hazardous", List.of("yes"))));

        assertThat(decision.getDepartment()).isEqualTo("sanitation");
        assertThat(decision.getPriority()).isEqualTo("P1");
    }

    @Test
    void answersMatchWhateverTheirCaseAndOtherAnswersChangeNothing() {
        assertThat(rules.route(request("pothole", Map.of("hazard", List.of("Yes")))).getPriority()).isEqualTo("P1");
        assertThat(rules.route(request("pothole", Map.of("size", List.of("large")))).getPriority()).isEqualTo("P3");
    }

    @Test
    void aRequestTypeWithoutRulesGoesToTriageRatherThanNowhere() {
        RoutingDecision decision = rules.route(request("abandoned_sofa", Map.of()));

        assertThat(decision.getDepartment()).isEqualTo("triage");
        assertThat(decision.getSystem()).isEqualTo("email");
        assertThat(decision.getWorkType()).isNull();
    }

    private static Map<String, List<String>> answers(String answer) {
        if (answer == null) {
            return Map.of();
        }
        String[] parts = answer.split("=");
        return Map.of(parts[0], List.of(parts[1]));
    }

    private static RoutingRequest request(String serviceCode, Map<String, List<String>> attributes) {
        return new RoutingRequest(serviceCode, 41.88, -87.63, "121 N LaSalle St", "60602", attributes);
    }

    /** A row of the decision table: the lines after its column descriptions. */
    record MatrixRow(String name, int salience, String serviceCode, String answer) {
    }

    private static List<MatrixRow> matrixRows() throws IOException {
        List<String> lines = Files.readAllLines(MATRIX, StandardCharsets.UTF_8);
        CsvLineParser parser = new CsvLineParser();
        List<MatrixRow> rows = new ArrayList<>();
        boolean data = false;
        for (String line : lines) {
            List<String> cells = parser.parse(line);
            if (data && !line.isBlank()) {
                rows.add(new MatrixRow(cells.get(0), Integer.parseInt(cells.get(1).strip()), cells.get(2).strip(),
                        cells.get(3).strip()));
            }
            data = data || "Rule".equals(cells.get(0));
        }
        assertThat(rows).as("the rows of " + MATRIX).isNotEmpty();
        return rows;
    }

    /** The value ids the request type's start form offers for {@code field}. */
    private static List<String> formValues(String serviceCode, String field) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document model = factory.newDocumentBuilder().parse(PROCESSES.resolve(serviceCode + ".bpmn").toFile());
        NodeList fields = model.getElementsByTagNameNS("http://camunda.org/schema/1.0/bpmn", "formField");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < fields.getLength(); i++) {
            Element formField = (Element) fields.item(i);
            if (field.equals(formField.getAttribute("id"))) {
                NodeList options = formField.getElementsByTagNameNS("http://camunda.org/schema/1.0/bpmn", "value");
                for (int j = 0; j < options.getLength(); j++) {
                    values.add(((Element) options.item(j)).getAttribute("id"));
                }
            }
        }
        return values;
    }
}
