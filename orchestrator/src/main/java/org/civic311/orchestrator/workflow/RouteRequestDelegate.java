package org.civic311.orchestrator.workflow;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civic311.orchestrator.routing.RequestRouting;
import org.civic311.orchestrator.routing.RequestRouting.RoutedTask;
import org.springframework.stereotype.Component;

/** {@code ${routeRequest}}: the rules decide department, system, priority and due date. */
@Component("routeRequest")
class RouteRequestDelegate implements JavaDelegate {

    private final RequestRouting routing;

    RouteRequestDelegate(RequestRouting routing) {
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RoutedTask routed = routing.route(requestId(execution));
        execution.setVariable(ProcessVariables.DEPARTMENT_TASK_ID, routed.taskId());
        execution.setVariable(ProcessVariables.DEPARTMENT, routed.department());
        execution.setVariable(ProcessVariables.SYSTEM, routed.system());
        execution.setVariable(ProcessVariables.PRIORITY, routed.priority());
        execution.setVariable(ProcessVariables.SLA_DUE_AT, Date.from(routed.dueAt()));
    }

    static long requestId(DelegateExecution execution) {
        return ((Number) execution.getVariable(ProcessVariables.REQUEST_ID)).longValue();
    }
}
