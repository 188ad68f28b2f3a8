package org.civic311.orchestrator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SlaClockTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    /** Thanksgiving 2026. */
    private static final LocalDate THANKSGIVING = LocalDate.of(2026, 11, 26);

    private final SlaClock clock = new SlaClock(CHICAGO, Set.of(THANKSGIVING));

    @Test
    void businessDaysSkipTheWeekendAndKeepTheTimeOfDay() {
        Instant fridayAfternoon = Instant.parse("2026-11-13T21:00:00Z"); // Friday 15:00 in Chicago

        assertThat(clock.dueAt(fridayAfternoon, target(2, SlaUnit.BUSINESS_DAYS)))
                .isEqualTo(Instant.parse("2026-11-17T21:00:00Z")); // Tuesday 15:00
    }

    @Test
    void businessDaysSkipPublicHolidays() {
        Instant wednesday = Instant.parse("2026-11-25T15:00:00Z");

        assertThat(clock.dueAt(wednesday, target(1, SlaUnit.BUSINESS_DAYS)))
                .isEqualTo(Instant.parse("2026-11-27T15:00:00Z")); // Friday, not Thanksgiving Thursday
    }

    @Test
    void hoursAndCalendarDaysRunThroughWeekends() {
        Instant friday = Instant.parse("2026-11-13T21:00:00Z");

        assertThat(clock.dueAt(friday, target(48, SlaUnit.HOURS))).isEqualTo(Instant.parse("2026-11-15T21:00:00Z"));
        assertThat(clock.dueAt(friday, target(3, SlaUnit.CALENDAR_DAYS))).isEqualTo(Instant.parse("2026-11-16T21:00:00Z"));
    }

    @Test
    void calendarDaysKeepTheLocalTimeAcrossTheEndOfDaylightSaving() {
        Instant beforeChange = Instant.parse("2026-10-31T14:00:00Z"); // Saturday 09:00 CDT

        assertThat(clock.dueAt(beforeChange, target(2, SlaUnit.CALENDAR_DAYS)))
                .isEqualTo(Instant.parse("2026-11-02T15:00:00Z")); // Monday 09:00 CST
    }

    private static SlaTarget target(int amount, SlaUnit unit) {
        SlaTarget target = new SlaTarget();
        target.within(amount, unit);
        return target;
    }
}
