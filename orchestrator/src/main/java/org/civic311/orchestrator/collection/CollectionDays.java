package org.civic311.orchestrator.collection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.time.DayOfWeek;

import org.civic311.orchestrator.routing.SlaClock;
import org.civic311.orchestrator.routing.SlaUnit;

/** The next day a crew collects bulky items in an area, on the city's calendar. */
class CollectionDays {

    private final CollectionProperties settings;
    private final SlaClock calendar;
    private final ZoneId zone;

    CollectionDays(CollectionProperties settings, SlaClock calendar, ZoneId zone) {
        this.settings = settings;
        this.calendar = calendar;
        this.zone = zone;
    }

    /** The first collection weekday of {@code area} that is a business day, the notice period after {@code from}. */
    LocalDate next(String area, Instant from) {
        List<DayOfWeek> days = settings.daysIn(area);
        LocalDate day = calendar.plus(from, settings.noticeDays(), SlaUnit.BUSINESS_DAYS).atZone(zone).toLocalDate();
        // A year of holidays on every collection day is a calendar mistake, not a wait.
        for (int tried = 0; tried < 366; tried++, day = day.plusDays(1)) {
            if (days.contains(day.getDayOfWeek()) && calendar.isBusinessDay(day)) {
                return day;
            }
        }
        throw new IllegalStateException("No collection day in the coming year for area " + area + " on " + days
                + ": check civic311.collection and civic311.sla.holidays");
    }
}
