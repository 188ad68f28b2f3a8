package org.civic311.connectors.cityworks;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civic311.connectors.ConnectorException;

/**
 * A Search for items whose date falls at or after a watermark, none left out. Cityworks answers a Search with at
 * most {@link #MAX_RESULTS} ids and does not say when it cut the list, so a window whose answer is full is split in
 * two at a whole second until every part comes back short of the cap.
 */
final class WindowedSearch {

    /** The most ids one Search answers, whatever MaxResults asks for. */
    static final int MAX_RESULTS = 10_000;

    /** A window left open at its end is split as if it ended this far ahead of our clock (clocks differ). */
    private static final Duration OPEN_END_SPLIT = Duration.ofDays(1);

    /** One Search: ids of the items whose date lies in {@code [begin, end]}; {@code end} null leaves it open. */
    @FunctionalInterface
    interface Search<T> {
        List<T> between(Instant begin, Instant end);
    }

    private WindowedSearch() {
    }

    /** Every id whose date is at or after {@code since}, however many there are, when one Search answers {@code cap}. */
    static <T> List<T> since(Instant since, int cap, Search<T> search) {
        return between(since.truncatedTo(ChronoUnit.SECONDS), null, cap, search);
    }

    /**
     * Every id whose date lies in {@code [begin, end]} ({@code end} null leaves it open), when one Search answers at
     * most {@code cap} ids.
     */
    static <T> List<T> between(Instant begin, Instant end, int cap, Search<T> search) {
        Set<T> ids = new LinkedHashSet<>();
        collect(begin, end, cap, search, ids);
        return List.copyOf(ids);
    }

    /**
     * The Search data of a window on one date field: {@code <field>Begin} and, when closed, {@code <field>End}, as
     * the server's wall-clock times, widened where its clocks change (see {@link CityworksDates}). Callers keep only
     * what falls in the window by the dates they read back.
     */
    static Map<String, Object> window(Map<String, Object> filter, String dateField, Instant begin, Instant end,
                                      CityworksDates dates) {
        Map<String, Object> data = new LinkedHashMap<>(filter);
        data.put(dateField + "Begin", dates.formatBegin(begin, end != null ? end : openEnd()));
        if (end != null) {
            data.put(dateField + "End", dates.formatEnd(begin, end));
        }
        data.put("MaxResults", MAX_RESULTS);
        return data;
    }

    private static Instant openEnd() {
        return Instant.now().plus(OPEN_END_SPLIT).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The halves of a split window share their boundary second: the site keeps fractions of a second (SQL Server's
     * datetime) and compares them, so an item at 12:00:05.5 lies in neither {@code [.., 12:00:05]} nor
     * {@code [12:00:06, ..]}. An item in both halves is one id in the set.
     */
    private static <T> void collect(Instant begin, Instant end, int cap, Search<T> search, Set<T> ids) {
        List<T> found = search.between(begin, end);
        if (found.size() < cap) {
            ids.addAll(found);
            return;
        }
        Instant last = end != null ? end : openEnd();
        long seconds = Duration.between(begin, last).toSeconds();
        if (seconds < 2) {
            // Never pass over what the cap hid: the watermark stays where it is until someone looks.
            throw new ConnectorException("Cityworks holds " + cap + " or more items between " + begin + " and " + last
                    + "; Search cannot list them all");
        }
        Instant middle = begin.plusSeconds(seconds / 2);
        collect(begin, middle, cap, search, ids);
        collect(middle, end, cap, search, ids);
    }
}
