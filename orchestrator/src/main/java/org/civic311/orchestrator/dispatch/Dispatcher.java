package org.civic311.orchestrator.dispatch;

import java.time.Clock;
import java.time.Instant;

import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkOrder;
import org.civic311.orchestrator.catalog.Departments;
import org.civic311.orchestrator.request.RequestNote;
import org.civic311.orchestrator.request.ServiceRequest;
import org.civic311.orchestrator.request.ServiceRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Pushes a planned department task into the department's system. Runs inside a retried engine job. */
@Service
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final DepartmentTasks tasks;
    private final ServiceRequests requests;
    private final DepartmentSystems systems;
    private final Departments departments;
    private final TransactionTemplate separateTransaction;
    private final SystemWithdrawals withdrawals;
    private final DispatchMeters meters;
    private final Clock clock;

    Dispatcher(DepartmentTasks tasks, ServiceRequests requests, DepartmentSystems systems, Departments departments,
               PlatformTransactionManager transactions, SystemWithdrawals withdrawals, DispatchMeters meters,
               Clock clock) {
        this.tasks = tasks;
        this.requests = requests;
        this.systems = systems;
        this.departments = departments;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.withdrawals = withdrawals;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * @throws RuntimeException when the system cannot take the work; the engine retries the job with backoff
     *                          and raises an incident after the last try
     */
    public void dispatch(long taskId) {
        DepartmentTask task = tasks.get(taskId);
        if (task.status() != TaskStatus.PLANNED) {
            return;
        }
        ServiceRequest request = requests.get(task.requestId());
        ExternalRef ref;
        try {
            ref = systems.connector(task.system()).push(workOrder(task, request));
        } catch (RuntimeException e) {
            meters.connectorError(task.system(), DispatchMeters.Operation.DISPATCH);
            log.warn("Task {} of {} could not be sent to {}: {}", taskId, request.trackingNumber(), task.system(),
                    e.getMessage());
            // The job's own transaction rolls back; the attempt is kept for the people looking at it. Nothing of
            // this transaction has touched the task row yet, so the separate one cannot wait on our own lock.
            separateTransaction.executeWithoutResult(s -> tasks.failedAttempt(taskId, String.valueOf(e.getMessage())));
            throw e;
        }
        Instant now = clock.instant();
        meters.dispatched(task.system(), task.plannedAt(), now);
        tasks.dispatched(taskId, ref.id(), now);
        requests.addNote(request.id(), RequestNote.DISPATCHED,
                "Sent to " + departments.nameOf(task.department()) + ".", now);
    }

    /**
     * Withdraws the task: it is cancelled here, in the caller's transaction; its department's system is told only
     * once that transaction has committed ({@link #cancelInSystem}, in a retried engine job), so a refused or
     * failed action never withdraws work the department should still do.
     */
    public void cancel(long taskId, String reason) {
        DepartmentTask task = tasks.get(taskId);
        if (task.status().isFinished()) {
            return;
        }
        tasks.moveTo(taskId, TaskStatus.CANCELLED, reason, clock.instant());
        if (task.externalId() != null) {
            withdrawals.afterCommit(taskId);
        }
        // Else it never reached the department's system: the dispatch job finds it cancelled and sends nothing.
    }

    /**
     * Cancels the cancelled task's item in its department's system, where the connector can; a system that cannot
     * is named in a staff note, so that someone tells the department.
     *
     * @throws RuntimeException when the system cannot be reached or refuses; the engine retries the job with
     *                          backoff and raises an incident after the last try
     */
    public void cancelInSystem(long taskId) {
        DepartmentTask task = tasks.get(taskId);
        if (task.status() != TaskStatus.CANCELLED || task.externalId() == null) {
            return;
        }
        ExternalRef item = new ExternalRef(task.system(), task.externalId());
        boolean cancelled;
        try {
            cancelled = systems.connector(task.system()).cancel(item, task.resolution());
        } catch (RuntimeException e) {
            meters.connectorError(task.system(), DispatchMeters.Operation.WITHDRAW);
            throw e;
        }
        String outcome = cancelled
                ? "Cancelled in " + task.system() + " (" + task.externalId() + ")."
                : task.system() + " cannot cancel work items: tell the department that " + task.externalId()
                        + " is withdrawn.";
        requests.addStaffNote(task.requestId(), "Civic311", outcome, clock.instant());
    }

    /** The resident's words; for work done again, first which earlier task did not fix it. */
    private String description(DepartmentTask task, ServiceRequest request) {
        return tasks.earlierTaskOf(task)
                .map(earlier -> "Reopened: the resident says the work of task " + earlier.key()
                        + (earlier.externalId() == null ? "" : " (" + earlier.externalId() + " in " + earlier.system() + ")")
                        + " did not fix the problem."
                        + (request.description() == null ? "" : "\n\n" + request.description()))
                .orElse(request.description());
    }

    private WorkOrder workOrder(DepartmentTask task, ServiceRequest request) {
        var resident = request.resident();
        return new WorkOrder(
                task.key(),
                request.trackingNumber(),
                request.serviceCode(),
                request.serviceName(),
                task.department(),
                task.priority(),
                task.workType(),
                task.dueAt(),
                description(task, request),
                new WorkOrder.Location(request.lat(), request.lon(), request.address(), request.addressId(),
                        request.zipcode()),
                request.attributes(),
                new WorkOrder.Caller(resident.firstName(), resident.lastName(), resident.email(), resident.phone()),
                request.mediaUrl());
    }
}
