package org.civic311.orchestrator.towing;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.civic311.orchestrator.request.RequestNote;
import org.civic311.orchestrator.request.RequestStatus;
import org.civic311.orchestrator.request.ServiceRequests;
import org.civic311.orchestrator.routing.SlaClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Abandoned vehicles are tagged first and towed only when still there after the tagging period; a request closed
 * meanwhile (the owner moved it) is not towed.
 */
@Service
public class TaggedVehicles {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final ServiceRequests requests;
    private final SlaClock calendar;
    private final ZoneId zone;
    private final Clock clock;

    TaggedVehicles(ServiceRequests requests, SlaClock calendar, @Value("${civic311.zone}") ZoneId zone, Clock clock) {
        this.requests = requests;
        this.calendar = calendar;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * Records the tag with a public note and answers when the tow is due: once {@code taggingPeriod} (ISO 8601,
     * e.g. P3D) has passed, on the next business day of the city's calendar if it ends on another day.
     */
    public Instant tag(long requestId, String taggingPeriod) {
        ZonedDateTime towAfter = towAfter(clock.instant(), taggingPeriod);
        requests.addNote(requestId, RequestNote.ACTIVITY, "The vehicle is tagged; it is towed after "
                + DAY.format(towAfter) + " if it has not been moved.", clock.instant());
        return towAfter.toInstant();
    }

    /** Whether the tow is still wanted: nobody closed the request during the tagging period. */
    public boolean towStillWanted(long requestId) {
        return requests.get(requestId).status() == RequestStatus.OPEN;
    }

    ZonedDateTime towAfter(Instant tagged, String taggingPeriod) {
        ZonedDateTime towAfter = tagged.atZone(zone).plus(period(taggingPeriod));
        while (!calendar.isBusinessDay(towAfter.toLocalDate())) {
            towAfter = towAfter.plusDays(1);
        }
        return towAfter;
    }

    private static Period period(String taggingPeriod) {
        try {
            Period period = Period.parse(String.valueOf(taggingPeriod).strip());
            if (period.isNegative()) {
                throw new IllegalArgumentException("The tagging period must not be negative: " + taggingPeriod);
            }
            return period;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The tagging period '" + taggingPeriod
                    + "' is not an ISO 8601 period such as P3D (the input taggingPeriod of the Tag the vehicle step)", e);
        }
    }
}
