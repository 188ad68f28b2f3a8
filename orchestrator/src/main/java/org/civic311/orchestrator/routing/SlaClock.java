package org.civic311.orchestrator.routing;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Turns a service level into dates on the city's calendar. Business time is counted on the city's wall clock, so a
 * daylight-saving change moves no deadline off its local time: four business hours from Friday 15:00 end on Monday
 * at 10:00, whether or not the clocks changed over the weekend.
 */
public class SlaClock {

    private final ZoneId zone;
    private final Set<LocalDate> holidays;
    private final LocalTime opens;
    private final LocalTime closes;

    public SlaClock(ZoneId zone, Set<LocalDate> holidays) {
        this(zone, holidays, LocalTime.of(8, 0), LocalTime.of(17, 0));
    }

    public SlaClock(ZoneId zone, Set<LocalDate> holidays, LocalTime opens, LocalTime closes) {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("Business hours must open (" + opens + ") before they close (" + closes + ")");
        }
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
        this.opens = opens;
        this.closes = closes;
    }

    public Instant dueAt(Instant submitted, SlaTarget target) {
        return plus(submitted, target.getAmount(), target.getUnit());
    }

    /** The warning point, the due time and the second escalation level of a request submitted at {@code submitted}. */
    public ServiceLevelDates dates(Instant submitted, SlaTarget target) {
        Instant due = dueAt(submitted, target);
        return new ServiceLevelDates(warningAt(submitted, due, target), due,
                plus(due, target.getSecondLevelAfter(), target.getSecondLevelUnit()));
    }

    /** The same dates for a due time set by hand: the warning at the target's share of the time left from now. */
    public ServiceLevelDates datesUntil(Instant now, Instant due, SlaTarget target) {
        Duration left = Duration.between(now, due);
        return new ServiceLevelDates(now.plus(left.multipliedBy(target.getWarningPercent()).dividedBy(100)), due,
                plus(due, target.getSecondLevelAfter(), target.getSecondLevelUnit()));
    }

    /**
     * The closing time of the city-local day {@code day} falls on: a due date given as a day (a form's date field)
     * means "by the end of that working day", wherever the server runs.
     */
    public Instant closingOn(Instant day) {
        return day.atZone(zone).toLocalDate().atTime(closes).atZone(zone).toInstant();
    }

    /** {@code amount} {@code unit}s after {@code start}. */
    public Instant plus(Instant start, int amount, SlaUnit unit) {
        ZonedDateTime from = start.atZone(zone);
        return switch (unit) {
            case HOURS -> from.plusHours(amount).toInstant();
            case BUSINESS_HOURS -> plusOpenTime(start, Duration.ofHours(amount), opens, closes);
            case CALENDAR_DAYS -> from.plusDays(amount).toInstant();
            case BUSINESS_DAYS -> plusBusinessDays(from, amount).toInstant();
        };
    }

    /** The given share of the way from submission to due, counted in the target's unit. */
    private Instant warningAt(Instant submitted, Instant due, SlaTarget target) {
        int percent = target.getWarningPercent();
        return switch (target.getUnit()) {
            case HOURS, CALENDAR_DAYS -> submitted.plus(Duration.between(submitted, due).multipliedBy(percent).dividedBy(100));
            case BUSINESS_HOURS -> plusOpenTime(submitted,
                    Duration.ofHours(target.getAmount()).multipliedBy(percent).dividedBy(100), opens, closes);
            case BUSINESS_DAYS -> plusOpenTime(submitted,
                    openTimeBetween(submitted, due, LocalTime.MIDNIGHT, null).multipliedBy(percent).dividedBy(100),
                    LocalTime.MIDNIGHT, null);
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

    /**
     * {@code amount} of time during which the city is open, from {@code start}: on business days, from
     * {@code dayOpens} to {@code dayCloses} (or midnight, when null), on the wall clock.
     */
    private Instant plusOpenTime(Instant start, Duration amount, LocalTime dayOpens, LocalTime dayCloses) {
        LocalDateTime at = start.atZone(zone).toLocalDateTime();
        Duration left = amount;
        while (true) {
            LocalDate day = at.toLocalDate();
            if (isBusinessDay(day)) {
                LocalDateTime open = day.atTime(dayOpens);
                LocalDateTime close = closing(day, dayCloses);
                if (at.isBefore(open)) {
                    at = open;
                }
                if (at.isBefore(close)) {
                    Duration today = Duration.between(at, close);
                    if (left.compareTo(today) <= 0) {
                        return at.plus(left).atZone(zone).toInstant();
                    }
                    left = left.minus(today);
                }
            }
            at = day.plusDays(1).atStartOfDay();
        }
    }

    /** The open time between two instants, on the wall clock. */
    private Duration openTimeBetween(Instant from, Instant to, LocalTime dayOpens, LocalTime dayCloses) {
        LocalDateTime start = from.atZone(zone).toLocalDateTime();
        LocalDateTime end = to.atZone(zone).toLocalDateTime();
        Duration open = Duration.ZERO;
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (isBusinessDay(day)) {
                LocalDateTime a = latest(start, day.atTime(dayOpens));
                LocalDateTime b = earliest(end, closing(day, dayCloses));
                if (a.isBefore(b)) {
                    open = open.plus(Duration.between(a, b));
                }
            }
        }
        return open;
    }

    private static LocalDateTime closing(LocalDate day, LocalTime dayCloses) {
        return dayCloses == null ? day.plusDays(1).atStartOfDay() : day.atTime(dayCloses);
    }

    private static LocalDateTime latest(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime earliest(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /** When the department's supervisors are warned, when the work is due, and when it goes a level up. */
    public record ServiceLevelDates(Instant warnAt, Instant dueAt, Instant secondLevelAt) {
    }
}
