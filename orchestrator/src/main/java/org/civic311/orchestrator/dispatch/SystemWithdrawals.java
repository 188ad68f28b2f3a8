package org.civic311.orchestrator.dispatch;

/** Runs {@link Dispatcher#cancelInSystem} for a task once the current transaction has committed, retried. */
public interface SystemWithdrawals {

    void afterCommit(long taskId);
}
