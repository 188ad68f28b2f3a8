package org.civic311.orchestrator.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.civic311.connectors.ConnectorRefusal;
import org.springframework.stereotype.Component;

/**
 * A job that fails because a department system refused the work ({@link ConnectorRefusal}: a validation error, an
 * agency script that rejects the record) gets no further retries: its incident shows in Cockpit at once, with the
 * system's own message, instead of after days of attempts that would each be refused the same way. Every other
 * failure (an outage, a timeout) keeps the engine's retry schedule. Once a person has fixed the cause, retrying the
 * job in Cockpit runs it again.
 */
@Component
class RefusedWorkIncidents extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory(RetryUnlessRefused::new);
    }

    /** The engine's own retry handling (schedule, exception kept on the job), except for refusals. */
    static class RetryUnlessRefused extends DefaultJobRetryCmd {

        RetryUnlessRefused(String jobId, Throwable exception) {
            super(jobId, exception);
        }

        @Override
        protected void decrementRetries(JobEntity job) {
            if (isRefusal(exception)) {
                // No retries left: the engine raises the failedJob incident with the exception's message. Due now, so
                // the retry a person gives it runs at once rather than at the next step of the schedule.
                job.setDuedate(ClockUtil.getCurrentTime());
                job.setRetries(0);
            } else {
                super.decrementRetries(job);
            }
        }

        static boolean isRefusal(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof ConnectorRefusal) {
                    return true;
                }
            }
            return false;
        }
    }
}
