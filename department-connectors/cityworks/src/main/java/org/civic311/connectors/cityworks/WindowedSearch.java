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
 * two (by whole seconds, all Cityworks' dates have) until every part comes back short of the cap.
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

    /** Every id whose date is at or after {@code since}, however many there are. */
    static <T> List<T> since(Instant since, Search<T> search) {
        Set<T> ids = new LinkedHashSet<>();
        collect(since.truncatedTo(ChronoUnit.SECONDS), null, search, ids);
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

    private static <T> void collect(Instant begin, Instant end, Search<T> search, Set<T> ids) {
        List<T> found = search.between(begin, end);
        if (found.size() < MAX_RESULTS) {
            ids.addAll(found);
            return;
        }
        Instant last = end != null ? end : openEnd();
        if (!last.isAfter(begin)) {
            // Never pass over what the cap hid: the watermark stays where it is until someone looks.
            throw new ConnectorException("Cityworks holds " + MAX_RESULTS + " or more items for the one second " + begin
                    + "; Search cannot list them all");
        }
        Instant middle = begin.plusSeconds(Duration.between(begin, last).toSeconds() / 2);
        collect(begin, middle, search, ids);
        collect(middle.plusSeconds(1), end, search, ids);
    }
}
