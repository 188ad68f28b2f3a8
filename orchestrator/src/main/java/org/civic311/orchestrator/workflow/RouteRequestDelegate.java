package org.civic311.orchestrator.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civic311.orchestrator.routing.RequestRouting;
import org.civic311.orchestrator.routing.RequestRouting.RoutedTask;
import org.springframework.stereotype.Component;

/** {@code ${routeRequest}}: the rules decide department, system, priority, due date, warning
 * point and escalation levels. */
@Component("routeRequest")
class RouteRequestDelegate implements JavaDelegate {

    private final RequestRouting routing;

    RouteRequestDelegate(RequestRouting routing) {
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RoutedTask routed = routing.route(ProcessVariables.requestId(execution));
        ServiceLevelVariables.set(execution, routed);
    }
}
