package org.civic311.orchestrator.workflow;

import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.civic311.orchestrator.routing.RequestRouting.RoutedTask;

/** The variables the department-work timers and escalation tasks read, from the routed work. */
final class ServiceLevelVariables {

    private ServiceLevelVariables() {
    }

    static void set(VariableScope scope, RoutedTask routed) {
        scope.setVariable(ProcessVariables.DEPARTMENT_TASK_ID, routed.taskId());
        scope.setVariable(ProcessVariables.DEPARTMENT, routed.department());
        scope.setVariable(ProcessVariables.SYSTEM, routed.system());
        scope.setVariable(ProcessVariables.PRIORITY, routed.priority());
        // Dates, not Instants: BPMN timer expressions take a java.util.Date.
        scope.setVariable(ProcessVariables.SLA_WARN_AT, Date.from(routed.dates().warnAt()));
        scope.setVariable(ProcessVariables.SLA_DUE_AT, Date.from(routed.dates().dueAt()));
        scope.setVariable(ProcessVariables.SLA_SECOND_LEVEL_AT, Date.from(routed.dates().secondLevelAt()));
        scope.setVariable(ProcessVariables.SUPERVISOR_GROUP, routed.supervisorGroup());
        scope.setVariable(ProcessVariables.SECOND_LEVEL_GROUP, routed.secondLevelGroup());
    }
}
