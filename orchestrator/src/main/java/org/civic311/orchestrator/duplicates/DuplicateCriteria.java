package org.civic311.orchestrator.duplicates;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the duplicate rules decide: an open report of the same type (or of its family) within this distance, and
 * reported within the window, is a likely duplicate. A type no rule names is never taken for a duplicate.
 */
public class DuplicateCriteria {

    private boolean set;
    private double metres;
    private Duration window;
    private boolean sameAddress;
    private final List<String> family = new ArrayList<>();

    /** At most this far apart, in metres. */
    public void within(double metres) {
        this.metres = metres;
        this.set = true;
    }

    /** Only an earlier report made in the last {@code days} days; without it, any report still open. */
    public void reportedInLastDays(int days) {
        this.window = Duration.ofDays(days);
    }

    /** Only an earlier report of the same address (as written, ignoring case and spacing). */
    public void sameAddress() {
        this.sameAddress = true;
    }

    /** The types that report the same problem; without it, the new report's own type. */
    public void family(String... serviceCodes) {
        family.addAll(List.of(serviceCodes));
    }

    public boolean isSet() {
        return set;
    }

    public double getMetres() {
        return metres;
    }

    /** Null: as long as the earlier report is open. */
    public Duration getWindow() {
        return window;
    }

    public boolean isSameAddress() {
        return sameAddress;
    }

    public List<String> getFamily() {
        return List.copyOf(family);
    }
}
