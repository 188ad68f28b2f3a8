package org.civic311.simulators.cityworks;

import java.time.Instant;

/** A Search filter's {@code <Field>Begin}/{@code <Field>End} pair; both ends inclusive, either may be open. */
record DateRange(Instant begin, Instant end) {

    static DateRange of(DataParameter data, String field) {
        return new DateRange(data.date(field + "Begin").orElse(null), data.date(field + "End").orElse(null));
    }

    /** An unset range lets everything through; a set one rejects records without that date. */
    boolean contains(Instant at) {
        if (begin == null && end == null) {
            return true;
        }
        return at != null && (begin == null || !at.isBefore(begin)) && (end == null || !at.isAfter(end));
    }
}
