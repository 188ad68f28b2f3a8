package org.civic311.orchestrator.collection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.civic311.orchestrator.notification.DueDateMoved;
import org.civic311.orchestrator.request.ServiceRequests;
import org.civic311.orchestrator.routing.RequestRouting;
import org.civic311.orchestrator.routing.RequestRouting.RoutedTask;
import org.civic311.orchestrator.routing.SlaClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Bulky item pickups: the collection day is agreed with the resident before the crew is sent. */
@Service
public class BulkyItemPickups {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final ServiceRequests requests;
    private final RequestRouting routing;
    private final CollectionDays collectionDays;
    private final SlaClock calendar;
    private final ApplicationEventPublisher events;
    private final ZoneId zone;
    private final Clock clock;

    BulkyItemPickups(ServiceRequests requests, RequestRouting routing, CollectionProperties settings, SlaClock calendar,
                     ApplicationEventPublisher events, @Value("${civic311.zone}") ZoneId zone, Clock clock) {
        this.requests = requests;
        this.routing = routing;
        this.collectionDays = new CollectionDays(settings, calendar, zone);
        this.calendar = calendar;
        this.events = events;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * The next collection day of the request's area becomes the routed task's due date and the request's expected
     * date, with a public note saying when to put the items out; the resident is told the date.
     */
    @Transactional
    public RoutedTask agreeCollectionDay(long requestId, long taskId) {
        LocalDate day = collectionDays.next(requests.get(requestId).area(), clock.instant());
        Instant due = calendar.closingOn(day.atStartOfDay(zone).toInstant());
        RoutedTask agreed = routing.dueOn(requestId, taskId, due, "Collection day: " + DAY.format(day)
                + ". Put the items at the curb by 7 a.m. that day.");
        events.publishEvent(new DueDateMoved(requestId, due));
        return agreed;
    }
}
