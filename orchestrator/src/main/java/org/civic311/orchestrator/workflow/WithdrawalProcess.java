package org.civic311.orchestrator.workflow;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.civic311.orchestrator.dispatch.SystemWithdrawals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells a department's system that its work is withdrawn by starting processes/department-withdrawal.bpmn, whose
 * one step is asynchronous: the engine runs it only after the transaction that cancelled the task commits, and
 * retries it on the engine-wide schedule, an incident in Cockpit after the last try. One small process serves
 * every path alike (a supervisor's re-dispatch or closing, a process cancelled in Cockpit, whose own process is
 * gone by then), where a step in department-work could serve the first ones only.
 */
@Component
class WithdrawalProcess implements SystemWithdrawals {

    static final String KEY = "department-withdrawal";

    private final ObjectProvider<RuntimeService> runtime;
    private final ObjectProvider<IdentityService> identity;

    WithdrawalProcess(ObjectProvider<RuntimeService> runtime, ObjectProvider<IdentityService> identity) {
        this.runtime = runtime;
        this.identity = identity;
    }

    @Override
    public void afterCommit(long taskId) {
        Runnable start = () -> runtime.getObject().startProcessInstanceByKey(KEY,
                Map.of(ProcessVariables.DEPARTMENT_TASK_ID, taskId));
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            // Called from the staff API (a duplicate marked), under the staff member's engine login.
            RunningRequestProcesses.asSystem(identity.getObject(), start);
        } else {
            // A supervisor may not start processes; the withdrawal is the system's, not theirs.
            command.runWithoutAuthorization(() -> {
                start.run();
                return null;
            });
        }
    }
}
