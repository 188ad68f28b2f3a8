package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

/** Scripts anywhere in a BPMN file are refused unless the operator turns them on. */
class ScriptSettingTest {

    static final String SCRIPT_TASK = bpmn("scripted", """
            <startEvent id="Event_Start" />
            <sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_Script" />
            <scriptTask id="Task_Script" scriptFormat="groovy"><script>println 'hello'</script></scriptTask>
            """);

    static final String LISTENER_SCRIPT = bpmn("listened", """
            <startEvent id="Event_Start">
              <extensionElements>
                <camunda:executionListener event="start">
                  <camunda:script scriptFormat="groovy">println 'hello'</camunda:script>
                </camunda:executionListener>
              </extensionElements>
            </startEvent>
            """);

    static final String CONDITION_SCRIPT = bpmn("conditioned", """
            <startEvent id="Event_Start" />
            <sequenceFlow id="Flow_Scripted" sourceRef="Event_Start" targetRef="Event_End">
              <conditionExpression xsi:type="tFormalExpression" language="javascript">true</conditionExpression>
            </sequenceFlow>
            <endEvent id="Event_End" />
            """);

    /** A decision table whose input is an MVEL script (MVEL comes with Drools and can call any Java). */
    static final String MVEL_DECISION = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Mvel" name="mvel"
                         xmlns:camunda="http://camunda.org/schema/1.0/dmn" namespace="test">
              <decision id="mvel" name="mvel" camunda:historyTimeToLive="P1D">
                <decisionTable id="Table_Mvel">
                  <input id="Input_Mvel">
                    <inputExpression id="Expression_Mvel" typeRef="string" expressionLanguage="mvel">
                      <text>java.lang.System.getProperty("java.version")</text>
                    </inputExpression>
                  </input>
                  <output id="Output_Answer" name="answer" typeRef="string" />
                  <rule id="Rule_Any">
                    <inputEntry id="Entry_Any"><text>-</text></inputEntry>
                    <outputEntry id="Entry_Ran"><text>"the script ran"</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    @Test
    void aScriptOutsideBpmnFindsNoScriptEngineByDefault() {
        ProcessEngine engine = engine(false);
        try {
            engine.getRepositoryService().createDeployment().addString("mvel.dmn", MVEL_DECISION).deploy();
            assertThatThrownBy(() -> engine.getDecisionService().evaluateDecisionTableByKey("mvel").evaluate())
                    .rootCause().hasMessageContaining("Can't find scripting engine for 'mvel'");
        } finally {
            engine.close();
        }
    }

    @Test
    void anOperatorWhoEnablesScriptsCanRunThemOutsideBpmnToo() {
        ProcessEngine engine = engine(true);
        try {
            engine.getRepositoryService().createDeployment().addString("mvel.dmn", MVEL_DECISION).deploy();
            assertThat(engine.getDecisionService().evaluateDecisionTableByKey("mvel").evaluate()
                    .getSingleEntry().toString()).isEqualTo("the script ran");
        } finally {
            engine.close();
        }
    }

    @Test
    void scriptsInTasksListenersAndConditionsAreRefusedByDefault() {
        ProcessEngine engine = engine(false);
        try {
            for (String bpmn : new String[] {SCRIPT_TASK, LISTENER_SCRIPT, CONDITION_SCRIPT}) {
                assertThatThrownBy(() -> deploy(engine, bpmn))
                        .isInstanceOf(ParseException.class)
                        .hasMessageContaining("Scripts are disabled")
                        .hasMessageContaining("civic311.engine.scripts-enabled=true");
            }
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isZero();
        } finally {
            engine.close();
        }
    }

    @Test
    void anOperatorWhoEnablesScriptsCanDeployThem() {
        ProcessEngine engine = engine(true);
        try {
            for (String bpmn : new String[] {SCRIPT_TASK, LISTENER_SCRIPT, CONDITION_SCRIPT}) {
                deploy(engine, bpmn);
            }
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isEqualTo(3);
        } finally {
            engine.close();
        }
    }

    static String bpmn(String processId, String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
                  <process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                %s
                  </process>
                </definitions>
                """.formatted(processId, elements);
    }

    static void deploy(ProcessEngine engine, String bpmn) {
        engine.getRepositoryService().createDeployment().addString("process.bpmn", bpmn).deploy();
    }

    static ProcessEngine engine(boolean scriptsEnabled) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:scripts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .setProcessEngineName("scripts-" + UUID.randomUUID())
                .setJobExecutorActivate(false);
        configuration.getProcessEnginePlugins().add(new ScriptsOffUnlessEnabled(new EngineProperties(scriptsEnabled)));
        return configuration.buildProcessEngine();
    }
}
