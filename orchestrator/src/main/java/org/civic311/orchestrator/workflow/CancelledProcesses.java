package org.civic311.orchestrator.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.civic311.orchestrator.escalation.RequestWithdrawal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A request's process cancelled by an operator (Cockpit, {@code DELETE /engine-rest/process-instance/…}) does not
 * leave the request open for ever: it is closed with a public note, and its department task withdrawn. The listener
 * is built in, so it runs also when the operator skips custom listeners.
 */
@Component
class CancelledProcesses extends AbstractProcessEnginePlugin {

    private final ObjectProvider<RequestWithdrawal> withdrawal;

    CancelledProcesses(ObjectProvider<RequestWithdrawal> withdrawal) {
        this.withdrawal = withdrawal;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element process, ProcessDefinitionEntity definition) {
                ExecutionListener listener = CancelledProcesses.this::ended;
                definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, listener);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private void ended(DelegateExecution instance) {
        Object requestId = instance.getVariable(ProcessVariables.REQUEST_ID);
        if (!instance.isCanceled() || !(requestId instanceof Number id)) {
            return;
        }
        Object taskId = instance.getVariable(ProcessVariables.DEPARTMENT_TASK_ID);
        withdrawal.getObject().processEnded(id.longValue(), taskId instanceof Number t ? t.longValue() : null,
                "process " + instance.getProcessDefinitionId() + " instance " + instance.getProcessInstanceId()
                        + " was cancelled");
    }
}
