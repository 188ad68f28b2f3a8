package org.civic311.orchestrator.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Refuses, at deployment, a BPMN file that carries a script, unless {@code civic311.engine.scripts-enabled}: the
 * engine has no switch of its own, and a script runs any code the application can.
 */
@Component
class ScriptsOffUnlessEnabled extends AbstractProcessEnginePlugin {

    private final EngineProperties settings;

    ScriptsOffUnlessEnabled(EngineProperties settings) {
        this.settings = settings;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (settings.scriptsEnabled()) {
            return;
        }
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPreBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPreBPMNParseListeners());
        }
        listeners.add(new ScriptCheck());
        configuration.setCustomPreBPMNParseListeners(listeners);
    }

    /** Looks through the whole file once it is read: script tasks, camunda:script and conditions in a script language. */
    static class ScriptCheck extends AbstractBpmnParseListener {

        @Override
        public void parseRootElement(Element root, List<ProcessDefinitionEntity> processDefinitions) {
            refuseScripts(root);
        }

        private static void refuseScripts(Element element) {
            if (isScript(element)) {
                String id = element.attribute("id");
                throw new BpmnParseException("Scripts are disabled on this server, and " + element.getTagName()
                        + (id == null ? "" : " '" + id + "'") + " is or carries a script. Use a service task with a"
                        + " delegate, or have the operator set civic311.engine.scripts-enabled=true.", element);
            }
            element.elements().forEach(ScriptCheck::refuseScripts);
        }

        private static boolean isScript(Element element) {
            return element.getTagName().equals("scriptTask") || element.getTagName().equals("script")
                    // a condition (sequence flow, conditional event) whose language is a script language
                    || element.attribute("language") != null;
        }
    }
}
