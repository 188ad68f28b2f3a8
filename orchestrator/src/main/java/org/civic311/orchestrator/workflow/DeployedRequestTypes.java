package org.civic311.orchestrator.workflow;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.civic311.orchestrator.catalog.RequestType;
import org.civic311.orchestrator.catalog.RequestTypes;
import org.springframework.stereotype.Component;

/**
 * The request types are the latest versions of the deployed processes that carry the extension property
 * {@code open311.group}: deploying a BPMN file from the Modeler adds or changes a request type, no restart.
 */
@Component
class DeployedRequestTypes implements RequestTypes {

    static final String GROUP = "open311.group";
    static final String KEYWORDS = "open311.keywords";

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
        Map<String, String> properties = properties(process);
        if (!properties.containsKey(GROUP)) {
            return Optional.empty();
        }
        String description = process.getDocumentations().stream()
                .map(Documentation::getTextContent).filter(Objects::nonNull).map(String::strip)
                .findFirst().orElse("");
        List<String> keywords = Arrays.stream(properties.getOrDefault(KEYWORDS, "").split(","))
                .map(String::strip).filter(k -> !k.isEmpty()).toList();
        String name = process.getName() == null ? definition.getKey() : process.getName();
        return Optional.of(new RequestType(definition.getKey(), name, description, properties.get(GROUP), keywords));
    }

    private static Map<String, String> properties(Process process) {
        ExtensionElements extensions = process.getExtensionElements();
        if (extensions == null) {
            return Map.of();
        }
        Map<String, String> byName = new LinkedHashMap<>();
        extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> p.getCamundaName() != null && p.getCamundaValue() != null)
                .forEach(p -> byName.put(p.getCamundaName(), p.getCamundaValue()));
        return byName;
    }
}
