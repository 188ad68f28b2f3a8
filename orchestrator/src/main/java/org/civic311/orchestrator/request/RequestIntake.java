package org.civic311.orchestrator.request;

import java.time.Clock;
import java.util.Optional;

import org.civic311.orchestrator.area.ServiceAreas;
import org.civic311.orchestrator.catalog.RequestType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a validated report in: stores it with the service area its coordinates lie in, gives it a tracking number
 * and starts its process, unless it reports the same problem as an open request: then it is linked to that one and
 * follows it, and no department gets it twice.
 * All in one transaction, so a request whose process cannot start leaves nothing behind.
 */
@Service
public class RequestIntake {

    private final ServiceRequests requests;
    private final SubmissionKeys submissionKeys;
    private final ServiceAreas areas;
    private final EarlierReports earlierReports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RequestIntake(ServiceRequests requests, SubmissionKeys submissionKeys, ServiceAreas areas,
                  EarlierReports earlierReports, ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.earlierReports = earlierReports;
        this.submissionKeys = submissionKeys;
        this.areas = areas;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ServiceRequest submit(NewServiceRequest request) {
        RequestType type = request.type();
        ServiceRequest stored = requests.add(request, type.serviceName(),
                areas.nameAt(request.lat(), request.lon()), clock.instant());
        Optional<Long> parent = earlierReports.likelyParentOf(stored);
        if (parent.isPresent()) {
            requests.linkTo(stored.id(), parent.get(), clock.instant());
            events.publishEvent(new DuplicateLinked(stored.id(), parent.get()));
            return requests.get(stored.id());
        }
        events.publishEvent(new ServiceRequestSubmitted(stored.id(), stored.trackingNumber(), type.serviceCode(),
                type.versionId(), stored.channel()));
        // Routing ran synchronously inside the process start: read back what the resident is told.
        return requests.get(stored.id());
    }

    /**
     * Takes the request in once per key: the same key again answers the request it made first.
     *
     * @throws SubmissionKeyReused when the key was used for another submission; nothing is stored
     */
    @Transactional
    public ServiceRequest submit(NewServiceRequest request, SubmissionKey key) {
        Optional<Long> earlier = submissionKeys.claim(key, clock.instant());
        if (earlier.isPresent()) {
            return requests.get(earlier.get());
        }
        ServiceRequest stored = submit(request);
        submissionKeys.settle(key, stored.id());
        return stored;
    }
}
