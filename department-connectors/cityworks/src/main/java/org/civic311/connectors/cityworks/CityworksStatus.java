package org.civic311.connectors.cityworks;

import java.time.Instant;
import java.util.Optional;

import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkStatus;

/**
 * The status table: the Cityworks states Civic311 acts on, and what each is reported as. Cityworks' Status
 * codes (OPEN, INPROG, CLOSED, CANCEL…) are configured per agency, so the table goes by the two flags every
 * site has instead. Open items, whatever their code, are not reported: Search cannot find what changed
 * since a watermark among them.
 *
 * <pre>
 * Cityworks                                             Civic311
 * IsClosed, DateTimeClosed (work order: DateWOClosed)   COMPLETED
 * Cancel, DateCancelled                                 CANCELLED   (wins over IsClosed: the work was not done)
 * </pre>
 */
enum CityworksStatus {

    CLOSED("closed", WorkStatus.COMPLETED),
    CANCELED("canceled", WorkStatus.CANCELLED);

    private final String label;
    private final WorkStatus reportedAs;

    CityworksStatus(String label, WorkStatus reportedAs) {
        this.label = label;
        this.reportedAs = reportedAs;
    }

    static Optional<CityworksStatus> of(boolean closed, boolean canceled) {
        if (canceled) {
            return Optional.of(CANCELED);
        }
        return closed ? Optional.of(CLOSED) : Optional.empty();
    }

    WorkStatus reportedAs() {
        return reportedAs;
    }

    /**
     * The same for every poll that sees this state, and new when the item is reopened and closed again:
     * e.g. {@code SR:10001:closed:2026-11-22T10:00:00Z}.
     */
    String updateId(ExternalRef ref, Instant at) {
        return ref.id() + ":" + label + ":" + at;
    }
}
