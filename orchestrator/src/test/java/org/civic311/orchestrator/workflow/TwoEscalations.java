package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** A process with two departments' escalations side by side, for the staff's rights: nothing else in it. */
class TwoEscalations {

    static final String STREETS = "Task_StreetsEscalation";
    static final String FORESTRY = "Task_ForestryEscalation";

    static final BpmnModelInstance MODEL = Bpmn.createExecutableProcess("twoEscalations")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .parallelGateway("Gateway_Both")
            .userTask(STREETS).camundaCandidateGroups("supervisors-streets")
                .camundaFormField().camundaId("note").camundaLabel("Note").camundaType("string").camundaFormFieldDone()
                .endEvent("Event_StreetsHandled")
            .moveToNode("Gateway_Both")
            .userTask(FORESTRY).camundaCandidateGroups("supervisors-forestry").endEvent("Event_ForestryHandled")
            .done();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessEngine engine;
    final String instance;

    /** Deploys the process (once per engine) and starts it. */
    TwoEscalations(ProcessEngine engine) {
        this.engine = engine;
        engine.getRepositoryService().createDeployment().name("escalations").enableDuplicateFiltering(false)
                .addModelInstance("two-escalations.bpmn", MODEL).deploy();
        this.instance = engine.getRuntimeService().startProcessInstanceByKey("twoEscalations").getId();
    }

    String processDefinitionId() {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult()
                .getProcessDefinitionId();
    }

    /** A process variable as the engine holds it. */
    Object variable(String name) {
        return engine.getRuntimeService().getVariable(instance, name);
    }

    String taskId(String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(key)
                .singleResult().getId();
    }

    /** What is still open, as the engine sees it (no user's rights). */
    List<String> openTasks() {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).list().stream()
                .map(t -> t.getTaskDefinitionKey()).toList();
    }

    /** The tasks a task list answer holds, by their keys. */
    static List<String> keysIn(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        JSON.readTree(response.body()).forEach(task -> keys.add(task.get("taskDefinitionKey").asText()));
        return keys;
    }
}
