package org.civic311.connectors.accela;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.civic311.connectors.WorkStatus;

/**
 * What an Accela record's status means for our task: the one table of this connector.
 * <p>
 * Closing and cancelling are read from the record's status type, which Accela fixes
 * ({@code APPROVED CLOSED COMPLETE DENIED INCOMPLETE OPEN PENDING UNASSIGNED VOID}), not from the status value,
 * which each agency names as it likes ("Closed", "Complete", "Violation Abated"...). Both CLOSED and COMPLETE
 * finish the resident's request: "No Violation Found" closes a code-enforcement record (CLOSED) and "Violation
 * Corrected" completes it (COMPLETE), and either way the resident's report has been dealt with; the note says
 * which. "The department has started" has no status type of its own, so it is read from the agency's status
 * values ({@code in-progress-statuses}).
 *
 * <pre>
 * status type  record status          → WorkStatus
 * COMPLETE     any                    → COMPLETED
 * CLOSED       any                    → COMPLETED
 * VOID         any                    → CANCELLED
 * DENIED       any                    → CANCELLED
 * OPEN         an in-progress status  → IN_PROGRESS
 * anything else                       → not reported
 * </pre>
 */
final class AccelaStatuses {

    private static final Map<String, WorkStatus> BY_STATUS_TYPE = Map.of(
            "COMPLETE", WorkStatus.COMPLETED,
            "CLOSED", WorkStatus.COMPLETED,
            "VOID", WorkStatus.CANCELLED,
            "DENIED", WorkStatus.CANCELLED);

    private static final String OPEN = "OPEN";

    private final Set<String> inProgress;
    private final Map<String, String> typeByStatus;

    /**
     * @param statusTypes the agency's status values and the status type each has, for records that come without
     *                    their status type
     */
    AccelaStatuses(Collection<String> inProgressStatuses, Map<String, String> statusTypes) {
        this.inProgress = inProgressStatuses.stream().map(AccelaStatuses::key).collect(Collectors.toUnmodifiableSet());
        this.typeByStatus = statusTypes.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                entry -> key(entry.getKey()), entry -> entry.getValue().strip().toUpperCase(Locale.ROOT), (a, b) -> a));
    }

    /** The status types whose records mean something to a task: what a poll asks for. */
    Set<String> statusTypesToPoll() {
        Set<String> types = new TreeSet<>(BY_STATUS_TYPE.keySet());
        if (!inProgress.isEmpty()) {
            types.add(OPEN);
        }
        return types;
    }

    /** The status type the agency's table gives this status value, if it has one. */
    Optional<String> typeOfStatus(String status) {
        return status == null ? Optional.empty() : Optional.ofNullable(typeByStatus.get(key(status)));
    }

    /** What a record in this status means for our task; empty when it means nothing to report. */
    Optional<WorkStatus> of(String statusType, String status) {
        String type = statusType == null ? "" : statusType.strip().toUpperCase(Locale.ROOT);
        WorkStatus byType = BY_STATUS_TYPE.get(type);
        if (byType != null) {
            return Optional.of(byType);
        }
        if (OPEN.equals(type) && status != null && inProgress.contains(key(status))) {
            return Optional.of(WorkStatus.IN_PROGRESS);
        }
        return Optional.empty();
    }

    private static String key(String status) {
        return status.strip().toLowerCase(Locale.ROOT);
    }
}
