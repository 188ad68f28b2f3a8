package org.civic311.orchestrator.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/** Turns a service level into a due date on the city's calendar. */
public class SlaClock {

    private final ZoneId zone;
    private final Set<LocalDate> holidays;

    public SlaClock(ZoneId zone, Set<LocalDate> holidays) {
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
    }

    public Instant dueAt(Instant submitted, SlaTarget target) {
        ZonedDateTime start = submitted.atZone(zone);
        return switch (target.getUnit()) {
            case HOURS -> start.plusHours(target.getAmount()).toInstant();
            case CALENDAR_DAYS -> start.plusDays(target.getAmount()).toInstant();
            case BUSINESS_DAYS -> plusBusinessDays(start, target.getAmount()).toInstant();
        };
    }

    /** Keeps the time of day: two business days from Friday 15:00 is Tuesday 15:00. */
    private ZonedDateTime plusBusinessDays(ZonedDateTime start, int days) {
        ZonedDateTime due = start;
        int counted = 0;
        while (counted < days) {
            due = due.plusDays(1);
            if (isBusinessDay(due.toLocalDate())) {
                counted++;
            }
        }
        return due;
    }

    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }
}
