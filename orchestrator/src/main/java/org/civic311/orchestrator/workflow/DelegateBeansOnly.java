package org.civic311.orchestrator.workflow;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.stereotype.Component;

/**
 * BPMN expressions see the delegate and task-listener beans by name ({@code ${routeRequest}}…) and nothing else of
 * the application: a process deployed from the Modeler cannot reach the data source, the mail sender or the intake.
 */
@Component
class DelegateBeansOnly extends AbstractProcessEnginePlugin {

    private final Map<Object, Object> delegates;

    DelegateBeansOnly(Map<String, JavaDelegate> delegates, Map<String, TaskListener> taskListeners) {
        Map<Object, Object> beans = new HashMap<>(delegates);
        beans.putAll(taskListeners);
        this.delegates = Map.copyOf(beans);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setBeans(delegates);
        // Spring's factory bean has already made an expression manager over the whole context; replace it.
        configuration.setExpressionManager(new SpringExpressionManager(null, delegates));
    }
}
