package org.civic311.connectors.cityworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.civic311.connectors.ConnectorException;
import org.junit.jupiter.api.Test;

/**
 * A window split because Search hit its cap, on a site that keeps closing times to the millisecond (SQL Server) and
 * compares them so, both ends inclusive, answering only the first {@code cap} matches.
 */
class WindowedSearchTest {

    static final Instant BEGIN = Instant.parse("2026-11-30T12:00:00Z");
    static final Instant END = BEGIN.plusSeconds(10);

    @Test
    void aClosureHalfASecondAfterTheSplitIsFound() {
        // Split at 12:00:05: the closure at 12:00:05.500 lies after the first half and before 12:00:06.
        List<Instant> closures = List.of(BEGIN.plusSeconds(1), BEGIN.plusMillis(5_500), BEGIN.plusSeconds(8));

        assertThat(WindowedSearch.between(BEGIN, END, 2, capped(closures, 2)))
                .containsExactlyInAnyOrderElementsOf(closures);
    }

    @Test
    void aClosureOnTheSplitSecondCountsOnce() {
        List<Instant> closures = List.of(BEGIN.plusSeconds(1), BEGIN.plusSeconds(5), BEGIN.plusSeconds(8));

        assertThat(WindowedSearch.between(BEGIN, END, 2, capped(closures, 2))).hasSize(3)
                .containsExactlyInAnyOrderElementsOf(closures);
    }

    @Test
    void moreClosuresInUnderTwoSecondsThanSearchAnswersFailThePollRatherThanLoseOne() {
        List<Instant> closures = List.of(BEGIN.plusMillis(4_100), BEGIN.plusMillis(4_400), BEGIN.plusMillis(4_900));

        assertThatThrownBy(() -> WindowedSearch.between(BEGIN, END, 2, capped(closures, 2)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("Search cannot list them all");
    }

    /** The site's Search: the closures in {@code [begin, end]}, compared to the millisecond, at most {@code cap}. */
    private static WindowedSearch.Search<Instant> capped(List<Instant> closures, int cap) {
        return (begin, end) -> closures.stream()
                .filter(at -> !at.isBefore(begin) && (end == null || !at.isAfter(end)))
                .limit(cap)
                .toList();
    }
}
