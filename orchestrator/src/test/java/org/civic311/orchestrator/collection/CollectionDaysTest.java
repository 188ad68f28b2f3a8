package org.civic311.orchestrator.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civic311.orchestrator.routing.SlaClock;
import org.junit.jupiter.api.Test;

/** The collection day a bulky item pickup is agreed for, on the city's calendar. */
class CollectionDaysTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final CollectionProperties WEDNESDAYS = new CollectionProperties(List.of(DayOfWeek.WEDNESDAY),
            Map.of("ward-2", List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY)), 2);

    private final CollectionDays days = new CollectionDays(WEDNESDAYS, new SlaClock(CHICAGO, Set.of()), CHICAGO);

    @Test
    void theFirstCollectionWeekdayAfterTheNoticePeriod() {
        // Monday: two business days' notice reach Wednesday, a collection day.
        assertThat(days.next(null, at("2026-12-07T10:00"))).isEqualTo(LocalDate.parse("2026-12-09"));
        // Tuesday: the notice reaches Thursday, so the next Wednesday.
        assertThat(days.next(null, at("2026-12-08T10:00"))).isEqualTo(LocalDate.parse("2026-12-16"));
        // Friday: the notice skips the weekend.
        assertThat(days.next(null, at("2026-12-11T16:00"))).isEqualTo(LocalDate.parse("2026-12-16"));
    }

    @Test
    void anAreaWithItsOwnWeekdaysIsCollectedOnThemAndOtherAreasOnTheCitys() {
        assertThat(days.next("ward-2", at("2026-12-07T10:00"))).isEqualTo(LocalDate.parse("2026-12-10"));
        assertThat(days.next("ward-9", at("2026-12-07T10:00"))).isEqualTo(LocalDate.parse("2026-12-09"));
    }

    @Test
    void aHolidayIsNoCollectionDay() {
        CollectionDays withHoliday = new CollectionDays(WEDNESDAYS,
                new SlaClock(CHICAGO, Set.of(LocalDate.parse("2026-12-09"))), CHICAGO);

        assertThat(withHoliday.next(null, at("2026-12-07T10:00"))).isEqualTo(LocalDate.parse("2026-12-16"));
    }

    private static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(CHICAGO).toInstant();
    }
}
