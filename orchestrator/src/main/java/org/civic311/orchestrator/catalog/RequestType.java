package org.civic311.orchestrator.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kind of request residents can make: one deployed BPMN process, whose id is the Open311 service code.
 *
 * @param serviceCode the process id, e.g. {@code pothole}
 * @param serviceName the process name, e.g. {@code Pothole}
 * @param description the process documentation
 * @param group       extension property {@code open311.group}
 * @param keywords    extension property {@code open311.keywords}, comma-separated
 * @param attributes  the questions it asks: the form fields of the process's start event, in order
 * @param deployedAt  when this version of the process was deployed
 * @param versionId   the engine's id of that deployed version: a request starts on the version its answers were
 *                    checked against, without a second look-up
 */
public record RequestType(String serviceCode, String serviceName, String description, String group, List<String> keywords,
                          List<Attribute> attributes, Instant deployedAt, String versionId) {

    public RequestType {
        keywords = List.copyOf(keywords);
        attributes = List.copyOf(attributes);
    }

    /** Open311's {@code metadata}: whether a client must read the service definition before submitting. */
    public boolean hasAttributes() {
        return !attributes.isEmpty();
    }

    /** Everything wrong with a resident's answers, attribute by attribute. */
    public List<String> problemsWith(Map<String, List<String>> answers) {
        List<String> problems = new ArrayList<>();
        attributes.forEach(a -> problems.addAll(a.problemsWith(answers.getOrDefault(a.code(), List.of()))));
        return problems;
    }

    /** The answers worth keeping: those to this type's own questions. Anything else a client sends is dropped. */
    public Map<String, List<String>> answersToKeep(Map<String, List<String>> answers) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        attributes.stream().filter(Attribute::variable).filter(a -> answers.containsKey(a.code()))
                .forEach(a -> kept.put(a.code(), List.copyOf(answers.get(a.code()))));
        return kept;
    }
}
