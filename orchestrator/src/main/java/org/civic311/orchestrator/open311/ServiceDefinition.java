package org.civic311.orchestrator.open311;

import java.util.List;

import org.civic311.orchestrator.catalog.Attribute;
import org.civic311.orchestrator.catalog.RequestType;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET services/{service_code}}: the questions a request type asks. */
record ServiceDefinition(@JsonProperty("service_code") String serviceCode, List<Question> attributes) {

    static ServiceDefinition of(RequestType type) {
        return new ServiceDefinition(type.serviceCode(), type.attributes().stream().map(Question::of).toList());
    }

    /** One {@code attribute}; {@code values} only for the list datatypes. */
    record Question(boolean variable,
                    String code,
                    String datatype,
                    boolean required,
                    @JsonProperty("datatype_description") String datatypeDescription,
                    int order,
                    String description,
                    List<Choice> values) {

        static Question of(Attribute a) {
            return new Question(a.variable(), a.code(), a.datatype().open311(), a.required(), a.datatypeDescription(),
                    a.order(), a.description(),
                    a.datatype().isList() ? a.values().stream().map(v -> new Choice(v.key(), v.name())).toList() : null);
        }
    }

    record Choice(String key, String name) {
    }
}
