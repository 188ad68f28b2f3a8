package org.civic311.orchestrator.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValidation;
import org.civic311.orchestrator.catalog.Attribute;
import org.civic311.orchestrator.catalog.Datatype;
import org.civic311.orchestrator.catalog.RequestType;
import org.civic311.orchestrator.catalog.RequestTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The request types are the latest versions of the deployed processes that carry the extension property
 * {@code open311.group}: deploying a BPMN file from the Modeler adds or changes a request type, no restart.
 * The questions a type asks are the form fields of its start event, so process owners edit them in the Modeler
 * too (docs/request-types.md).
 */
@Component
class DeployedRequestTypes implements RequestTypes {

    private static final Logger log = LoggerFactory.getLogger(DeployedRequestTypes.class);

    static final String GROUP = "open311.group";
    static final String KEYWORDS = "open311.keywords";
    // Form-field properties for what Camunda's form model has no slot for.
    static final String DATATYPE = "open311.datatype";
    static final String DATATYPE_DESCRIPTION = "open311.datatype_description";
    static final String ORDER = "open311.order";
    static final String VARIABLE = "open311.variable";

    private final RepositoryService repository;
    /** Deployed definitions never change, so what was read from one is kept by its id. */
    private final Map<String, Optional<RequestType>> byDefinitionId = new ConcurrentHashMap<>();

    DeployedRequestTypes(RepositoryService repository) {
        this.repository = repository;
    }

    @Override
    public List<RequestType> all() {
        return repository.createProcessDefinitionQuery().latestVersion().active().list().stream()
                .map(this::requestType)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(RequestType::serviceCode))
                .toList();
    }

    @Override
    public Optional<RequestType> find(String serviceCode) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery()
                .processDefinitionKey(serviceCode).latestVersion().active().singleResult();
        return definition == null ? Optional.empty() : requestType(definition);
    }

    private Optional<RequestType> requestType(ProcessDefinition definition) {
        return byDefinitionId.computeIfAbsent(definition.getId(), id -> read(definition));
    }

    private Optional<RequestType> read(ProcessDefinition definition) {
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        Process process = model.getModelElementById(definition.getKey());
        Map<String, String> properties = properties(process.getExtensionElements());
        if (!properties.containsKey(GROUP)) {
            return Optional.empty();
        }
        String description = process.getDocumentations().stream()
                .map(Documentation::getTextContent).filter(Objects::nonNull).map(String::strip)
                .findFirst().orElse("");
        List<String> keywords = Arrays.stream(properties.getOrDefault(KEYWORDS, "").split(","))
                .map(String::strip).filter(k -> !k.isEmpty()).toList();
        String name = process.getName() == null ? definition.getKey() : process.getName();
        Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId())
                .singleResult();
        Instant deployedAt = deployment == null || deployment.getDeploymentTime() == null
                ? Instant.EPOCH : deployment.getDeploymentTime().toInstant();
        return Optional.of(new RequestType(definition.getKey(), name, description, properties.get(GROUP), keywords,
                attributes(definition.getKey(), process), deployedAt, definition.getId()));
    }

    /**
     * The form fields of the process's own start event (not those of event sub-processes), in the order they are
     * declared; {@code open311.order} moves a field to that place, ahead of a field declared there. The spec wants
     * each order unique, so the result is numbered 1, 2, 3…
     */
    static List<Attribute> attributes(String serviceCode, Process process) {
        List<CamundaFormField> fields = process.getChildElementsByType(StartEvent.class).stream()
                .map(StartEvent::getExtensionElements).filter(Objects::nonNull)
                .flatMap(e -> e.getElementsQuery().filterByType(CamundaFormData.class).list().stream())
                .flatMap(form -> form.getCamundaFormFields().stream())
                .toList();
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            CamundaFormField field = fields.get(i);
            Integer wanted = wantedOrder(serviceCode, field);
            placed.add(new Placed(field, wanted == null ? i + 1 : wanted, wanted != null));
        }
        placed.sort(Comparator.comparingInt(Placed::place).thenComparing(p -> !p.moved()));
        List<Attribute> attributes = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            attributes.add(attribute(serviceCode, placed.get(i).field(), i + 1));
        }
        return attributes;
    }

    private record Placed(CamundaFormField field, int place, boolean moved) {
    }

    private static Attribute attribute(String serviceCode, CamundaFormField field, int order) {
        Map<String, String> properties = properties(field.getCamundaProperties());
        String type = field.getCamundaType() == null ? "string" : field.getCamundaType();
        List<Attribute.Value> values = "boolean".equals(type)
                ? List.of(new Attribute.Value("true", "Yes"), new Attribute.Value("false", "No"))
                : field.getCamundaValues().stream()
                        .map(v -> new Attribute.Value(v.getCamundaId(),
                                v.getCamundaName() == null ? v.getCamundaId() : v.getCamundaName()))
                        .toList();
        Datatype datatype = switch (type) {
            case "long" -> Datatype.NUMBER;
            case "date" -> Datatype.DATETIME;
            case "enum", "boolean" -> Datatype.SINGLEVALUELIST;
            default -> Datatype.STRING;
        };
        if (properties.containsKey(DATATYPE)) {
            Optional<Datatype> chosen = Datatype.fromOpen311(properties.get(DATATYPE));
            if (chosen.isEmpty()) {
                log.warn("{}: form field {} has {}={}, which is no Open311 datatype; it is offered as {}",
                        serviceCode, field.getCamundaId(), DATATYPE, properties.get(DATATYPE), datatype.open311());
            }
            datatype = chosen.orElse(datatype);
        }
        if (datatype.isList() && values.isEmpty()) {
            log.warn("{}: form field {} is a {} without values; nobody can answer it", serviceCode,
                    field.getCamundaId(), datatype.open311());
        }
        boolean variable = !"false".equalsIgnoreCase(properties.get(VARIABLE));
        String label = field.getCamundaLabel() == null ? field.getCamundaId() : field.getCamundaLabel();
        return new Attribute(field.getCamundaId(), variable, datatype, variable && isRequired(field),
                properties.get(DATATYPE_DESCRIPTION), order, label, datatype.isList() ? values : List.of());
    }

    private static boolean isRequired(CamundaFormField field) {
        CamundaValidation validation = field.getCamundaValidation();
        return validation != null && validation.getCamundaConstraints().stream()
                .anyMatch(c -> "required".equals(c.getCamundaName()));
    }

    /** {@code open311.order}, when it is a positive whole number. */
    private static Integer wantedOrder(String serviceCode, CamundaFormField field) {
        String order = properties(field.getCamundaProperties()).get(ORDER);
        if (order == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(order.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        log.warn("{}: form field {} has {}={}, which is no positive whole number; it is ignored",
                serviceCode, field.getCamundaId(), ORDER, order);
        return null;
    }

    static Map<String, String> properties(ExtensionElements extensions) {
        if (extensions == null) {
            return Map.of();
        }
        Map<String, String> byName = new LinkedHashMap<>();
        extensions.getElementsQuery().filterByType(CamundaProperties.class).list()
                .forEach(p -> byName.putAll(properties(p)));
        return byName;
    }

    static Map<String, String> properties(CamundaProperties properties) {
        Map<String, String> byName = new LinkedHashMap<>();
        if (properties != null) {
            properties.getCamundaProperties().stream()
                    .filter(p -> p.getCamundaName() != null && p.getCamundaValue() != null)
                    .forEach(p -> byName.put(p.getCamundaName(), p.getCamundaValue()));
        }
        return byName;
    }
}
