package org.civic311.orchestrator.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.civic311.orchestrator.escalation.RequestWithdrawal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A request's process cancelled by an operator (Cockpit, {@code DELETE /engine-rest/process-instance/…}) does not
 * leave the request open for ever: it is closed with a public note, and its department task withdrawn. The listener
 * is built in, so it runs also when the operator skips custom listeners. Instances removed with their deployment or
 * process definition (a cascading delete) are not cancelled requests: their requests stay as they are.
 */
@Component
class CancelledProcesses extends AbstractProcessEnginePlugin {

    /** The engine's delete reasons for instances removed with their deployment or their process definition. */
    static final Set<String> DEFINITION_DELETED = Set.of("deleted deployment", "deleted process definition");

    private static final Logger log = LoggerFactory.getLogger(CancelledProcesses.class);

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
        if (instance instanceof ExecutionEntity entity && entity.getDeleteReason() != null
                && DEFINITION_DELETED.contains(entity.getDeleteReason())) {
            log.warn("Request {} keeps its state: its process {} was deleted with its definition, not cancelled",
                    id, instance.getProcessInstanceId());
            return;
        }
        // The request's current task comes from the database: a parent's copy of the variable can be stale.
        withdrawal.getObject().processEnded(id.longValue(), "process " + instance.getProcessDefinitionId()
                + " instance " + instance.getProcessInstanceId() + " was cancelled");
    }
}
