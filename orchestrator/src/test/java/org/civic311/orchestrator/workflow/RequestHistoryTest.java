package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * The history Civic311 keeps of a request's processes: how each ended and who worked its user tasks, not every step
 * it passed. A database whose engine kept another level starts on this one.
 */
class RequestHistoryTest {

    final String database = "jdbc:h2:mem:history-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void aFinishedProcessKeepsHowItEndedAndItsUserTasksButNotEveryStep() {
        ProcessEngine engine = engine("request");
        try {
            ProcessInstance instance = startReview(engine);
            engine.getTaskService().complete(engine.getTaskService().createTaskQuery()
                    .processInstanceId(instance.getId()).singleResult().getId());

            HistoryService history = engine.getHistoryService();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                    .getEndActivityId()).isEqualTo("Event_Reviewed");
            assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).finished().list())
                    .extracting("taskDefinitionKey").containsExactly("Task_Review");
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        } finally {
            engine.close();
        }
    }

    @Test
    void aDatabaseOnWhichTheEngineKeptActivityHistoryStartsOnTheRequestLevel() {
        ProcessEngine before = engine("activity");
        startReview(before);
        assertThat(before.getHistoryService().createHistoricActivityInstanceQuery().count()).isPositive();
        before.close();

        ProcessEngine after = engine("request");
        try {
            assertThat(((ProcessEngineConfigurationImpl) after.getProcessEngineConfiguration()).getHistoryLevel().getName())
                    .isEqualTo("request");
            long kept = after.getHistoryService().createHistoricActivityInstanceQuery().count();
            startReview(after);
            assertThat(after.getHistoryService().createHistoricActivityInstanceQuery().count())
                    .as("the history kept before stays; the new instance adds none").isEqualTo(kept);
        } finally {
            after.close();
        }
    }

    private ProcessInstance startReview(ProcessEngine engine) {
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("review").count() == 0) {
            engine.getRepositoryService().createDeployment().addModelInstance("review.bpmn",
                    Bpmn.createExecutableProcess("review").camundaHistoryTimeToLive(30)
                            .startEvent().userTask("Task_Review").endEvent("Event_Reviewed").done()).deploy();
        }
        return engine.getRuntimeService().startProcessInstanceByKey("review",
                Map.of("requestId", 7L));
    }

    private ProcessEngine engine(String historyLevel) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl(database)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(historyLevel)
                .setProcessEngineName("history-" + UUID.randomUUID())
                .setJobExecutorActivate(false);
        configuration.getProcessEnginePlugins().add(new RequestHistory());
        return configuration.buildProcessEngine();
    }
}
