package org.civic311.orchestrator.workflow;

import java.util.ArrayList;
import java.util.List;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Unless {@code civic311.engine.scripts-enabled}, refuses at deployment a BPMN file that carries a script, and
 * gives the engine no script language at all (Drools brings MVEL, which can call any Java), so a script in a
 * decision table or case finds none when it runs. The engine has no switch of its own.
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
        configuration.setScriptEngineResolver(new NoScriptEngines());
        configuration.setEnableFetchScriptEngineFromProcessApplication(false);
    }

    /** Finds no script engine, whatever the language. */
    static class NoScriptEngines implements ScriptEngineResolver {

        @Override
        public void addScriptEngineFactory(ScriptEngineFactory factory) {
            // nothing is added: no script runs
        }

        @Override
        public ScriptEngineManager getScriptEngineManager() {
            // the bootstrap class loader's engines only, which on Java 17 are none
            return new ScriptEngineManager(null);
        }

        @Override
        public ScriptEngine getScriptEngine(String language, boolean useCache) {
            return null;
        }
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
