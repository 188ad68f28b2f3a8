package org.civic311.orchestrator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import org.civic311.orchestrator.routing.SlaClock.ServiceLevelDates;
import org.junit.jupiter.api.Test;

/** Due dates, warning points and escalation on Chicago's calendar (08:00–17:00, Thanksgiving off). */
class SlaClockTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    /** Thanksgiving 2026. */
    private static final LocalDate THANKSGIVING = LocalDate.of(2026, 11, 26);

    private final SlaClock clock = new SlaClock(CHICAGO, Set.of(THANKSGIVING));

    @Test
    void aDayFromAFormIsDueAtItsClosingTimeInTheCityWhateverTheServersZone() {
        Instant midnightInChicago = Instant.parse("2026-12-20T06:00:00Z"); // Tasklist's date field, a Chicago browser
        Instant lateThatDay = Instant.parse("2026-12-21T05:59:00Z"); // 23:59 in Chicago, the next day in UTC

        assertThat(clock.closingOn(midnightInChicago)).isEqualTo(Instant.parse("2026-12-20T23:00:00Z"));
        assertThat(clock.closingOn(lateThatDay)).isEqualTo(Instant.parse("2026-12-20T23:00:00Z"));
    }

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

    @Test
    void businessHoursCountOnlyWhileTheCityWorks() {
        Instant mondayMorning = Instant.parse("2026-11-16T15:00:00Z"); // Monday 09:00 CST
        Instant mondayBeforeOpening = Instant.parse("2026-11-16T12:00:00Z"); // Monday 06:00 CST
        Instant fridayAfternoon = Instant.parse("2026-11-13T21:00:00Z"); // Friday 15:00 CST

        assertThat(clock.dueAt(mondayMorning, target(4, SlaUnit.BUSINESS_HOURS)))
                .isEqualTo(Instant.parse("2026-11-16T19:00:00Z")); // Monday 13:00
        assertThat(clock.dueAt(mondayBeforeOpening, target(4, SlaUnit.BUSINESS_HOURS)))
                .isEqualTo(Instant.parse("2026-11-16T18:00:00Z")); // Monday 12:00: the clock starts at 08:00
        assertThat(clock.dueAt(fridayAfternoon, target(4, SlaUnit.BUSINESS_HOURS)))
                .isEqualTo(Instant.parse("2026-11-16T16:00:00Z")); // two hours Friday, two Monday: 10:00
    }

    @Test
    void businessHoursSkipPublicHolidays() {
        Instant wednesdayAfternoon = Instant.parse("2026-11-25T21:00:00Z"); // Wednesday 15:00 CST

        assertThat(clock.dueAt(wednesdayAfternoon, target(4, SlaUnit.BUSINESS_HOURS)))
                .isEqualTo(Instant.parse("2026-11-27T16:00:00Z")); // Friday 10:00, not Thanksgiving
    }

    @Test
    void businessHoursKeepTheLocalTimeWhenTheClocksSpringForward() {
        Instant fridayCst = Instant.parse("2027-03-12T21:00:00Z"); // Friday 15:00 CST; DST starts Sunday 14 March

        assertThat(clock.dueAt(fridayCst, target(4, SlaUnit.BUSINESS_HOURS)))
                .isEqualTo(Instant.parse("2027-03-15T15:00:00Z")); // Monday 10:00 CDT
        assertThat(clock.dueAt(fridayCst, target(1, SlaUnit.BUSINESS_DAYS)))
                .isEqualTo(Instant.parse("2027-03-15T20:00:00Z")); // Monday 15:00 CDT
    }

    @Test
    void businessHoursKeepTheLocalTimeWhenTheClocksFallBack() {
        Instant fridayCdt = Instant.parse("2026-10-30T20:00:00Z"); // Friday 15:00 CDT; DST ends Sunday 1 November

        assertThat(clock.dueAt(fridayCdt, target(4, SlaUnit.BUSINESS_HOURS)))
                .isEqualTo(Instant.parse("2026-11-02T16:00:00Z")); // Monday 10:00 CST
        assertThat(clock.dueAt(fridayCdt, target(1, SlaUnit.BUSINESS_DAYS)))
                .isEqualTo(Instant.parse("2026-11-02T21:00:00Z")); // Monday 15:00 CST
    }

    @Test
    void theWarningComesAtItsShareOfTheBusinessTime() {
        SlaTarget eightHours = target(8, SlaUnit.BUSINESS_HOURS);
        eightHours.warnAt(50);
        eightHours.escalateTo("supervisors-streets", "directors", 4, SlaUnit.BUSINESS_HOURS);
        Instant fridayAfternoon = Instant.parse("2026-10-30T20:00:00Z"); // Friday 15:00 CDT, before the change

        ServiceLevelDates dates = clock.dates(fridayAfternoon, eightHours);

        assertThat(dates.warnAt()).isEqualTo(Instant.parse("2026-11-02T16:00:00Z")); // Monday 10:00 CST
        assertThat(dates.dueAt()).isEqualTo(Instant.parse("2026-11-02T20:00:00Z")); // Monday 14:00 CST
        assertThat(dates.secondLevelAt()).isEqualTo(Instant.parse("2026-11-03T15:00:00Z")); // Tuesday 09:00 CST
    }

    @Test
    void aBusinessDayTargetIsWarnedOnBusinessDaysOnly() {
        SlaTarget threeDays = target(3, SlaUnit.BUSINESS_DAYS);
        threeDays.warnAt(75);
        threeDays.escalateTo("supervisors-streets", "directors", 1, SlaUnit.BUSINESS_DAYS);
        Instant tuesdayAfternoon = Instant.parse("2026-11-24T21:00:00Z"); // Tuesday 15:00 CST, Thanksgiving week

        ServiceLevelDates dates = clock.dates(tuesdayAfternoon, threeDays);

        // Due Monday 15:00 (Wednesday, Friday, Monday). Of the 72 business hours, 54: Wednesday 9 + 24, Friday 21.
        assertThat(dates.dueAt()).isEqualTo(Instant.parse("2026-11-30T21:00:00Z"));
        assertThat(dates.warnAt()).isEqualTo(Instant.parse("2026-11-28T03:00:00Z")); // Friday 21:00 CST
        assertThat(dates.secondLevelAt()).isEqualTo(Instant.parse("2026-12-01T21:00:00Z")); // Tuesday 15:00
    }

    @Test
    void aDueTimeSetByHandIsWarnedAtItsShareOfTheTimeLeft() {
        SlaTarget target = target(3, SlaUnit.BUSINESS_DAYS);
        target.warnAt(75);
        target.escalateTo("supervisors-streets", "directors", 1, SlaUnit.BUSINESS_DAYS);
        Instant now = Instant.parse("2026-11-16T15:00:00Z");

        ServiceLevelDates dates = clock.datesUntil(now, Instant.parse("2026-11-20T15:00:00Z"), target);

        assertThat(dates.warnAt()).isEqualTo(Instant.parse("2026-11-19T15:00:00Z"));
        assertThat(dates.secondLevelAt()).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
    }

    private static SlaTarget target(int amount, SlaUnit unit) {
        SlaTarget target = new SlaTarget();
        target.within(amount, unit);
        return target;
    }
}
