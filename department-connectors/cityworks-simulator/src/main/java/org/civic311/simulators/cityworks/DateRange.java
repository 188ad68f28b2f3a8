package org.civic311.simulators.cityworks;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A Search filter's {@code <Field>Begin}/{@code <Field>End} pair; both ends inclusive, either may be open. Compared
 * as the server's wall-clock times, as a real site's database compares its local datetime columns: in the hour
 * clocks go back, a later instant can have an earlier wall-clock time, and a client must allow for it.
 */
record DateRange(LocalDateTime begin, LocalDateTime end, CityworksDateFormat dates) {

    static DateRange of(DataParameter data, String field) {
        return new DateRange(data.wallClock(field + "Begin").orElse(null), data.wallClock(field + "End").orElse(null),
                data.dates());
    }

    /** An unset range lets everything through; a set one rejects records without that date. */
    boolean contains(Instant at) {
        if (begin == null && end == null) {
            return true;
        }
        if (at == null) {
            return false;
        }
        LocalDateTime wall = dates.wallClock(at);
        return (begin == null || !wall.isBefore(begin)) && (end == null || !wall.isAfter(end));
    }
}
