package org.civic311.connectors;

import java.time.Instant;

/**
 * A department's work-management system: Cityworks, Accela, a shared mailbox.
 * <p>
 * The orchestrator pushes each department task through {@link #push} from a retried engine job,
 * and polls {@link #pullUpdates} for what the department did. Both may be called again after a
 * failure, so both must be safe to repeat.
 */
public interface DepartmentConnector {

    /** The system name departments are routed to, e.g. {@code "email"} or {@code "cityworks"}. */
    String system();

    /**
     * Creates the work item in the department's system, or finds the one an earlier attempt created
     * for the same {@link WorkOrder#taskKey()}: a retry never makes a second item.
     *
     * @throws ConnectorException when the system cannot be reached or refuses the work; the caller retries
     */
    ExternalRef push(WorkOrder order);

    /**
     * Completions, cancellations and comments the department recorded since the watermark. Asked again for the
     * same window, the system must report them again (nothing is consumed): the orchestrator moves its watermark
     * only once every update was applied, and recognises repeats by {@link WorkUpdate#updateId()}. What cannot
     * be read is reported as {@link UnreadableUpdate}, never skipped; a connector that reads a bounded amount per
     * poll says where it stopped, and one that knows its system's clock may say where the next poll starts
     * ({@link PulledUpdates#readUpTo()}).
     *
     * @throws ConnectorException when the system cannot be reached; the caller polls again later
     */
    PulledUpdates pullUpdates(Instant since);

    /**
     * Cancels the work item in the department's system, for a request re-dispatched elsewhere or ended by staff.
     * Optional: a system that cannot cancel keeps the default, and its clerks learn of it from the request's notes.
     *
     * @return whether the system cancelled the item; {@code false} when this system offers no cancellation
     * @throws ConnectorException when the system cannot be reached or refuses; the caller retries
     */
    default boolean cancel(ExternalRef item, String reason) {
        return false;
    }

    /**
     * Checks that the system can be reached and takes Civic311's login, changing nothing there: what a health
     * check asks. A connector that cannot tell keeps the default.
     *
     * @throws ConnectorException when the system cannot be reached or refuses the login
     * @throws UnsupportedOperationException when this connector has no such check
     */
    default void checkConnection() {
        throw new UnsupportedOperationException(system() + " has no connection check");
    }
}
