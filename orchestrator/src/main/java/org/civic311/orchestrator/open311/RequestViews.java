package org.civic311.orchestrator.open311;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.civic311.orchestrator.request.NearbyRequest;
import org.civic311.orchestrator.request.PublicRequest;
import org.civic311.orchestrator.request.PublicRequests;
import org.civic311.orchestrator.request.RequestNote;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/** The public reads of service requests: {@code GET requests}, {@code GET requests/{id}}, {@code GET tokens/{token}}. */
@Component
class RequestViews {

    private final PublicRequests requests;
    private final W3cTime time;
    private final Clock clock;
    private final Open311Properties settings;

    RequestViews(PublicRequests requests, W3cTime time, Clock clock, Open311Properties settings) {
        this.requests = requests;
        this.time = time;
        this.clock = clock;
        this.settings = settings;
    }

    Open311Body search(MultiValueMap<String, String> arguments) {
        RequestSearchForm.Search search = new RequestSearchForm(new Arguments(arguments), time,
                settings.nearbyMaxRadius()).read(clock.instant());
        RequestSearchForm.Nearby nearby = search.nearby();
        if (nearby != null) {
            return list(requests.nearby(nearby.lat(), nearby.lon(), nearby.radius(), nearby.serviceCodes(),
                    nearby.limit()).stream().map(NearbyRequest::request).toList(), search.extensions());
        }
        return list(requests.find(search.query()), search.extensions());
    }

    Open311Body one(String trackingNumber, MultiValueMap<String, String> arguments) {
        Arguments args = new Arguments(arguments);
        boolean extensions = args.flag("extensions");
        args.rejectIfInvalid();
        return list(List.of(find(trackingNumber)), extensions);
    }

    /**
     * Civic311 is realtime and never hands out a token; for clients that ask for one anyway, a request's
     * tracking number is its token.
     */
    Open311Body token(String token) {
        PublicRequest request = requests.find(token)
                .orElseThrow(() -> Open311Exception.of(HttpStatus.NOT_FOUND, "No token " + token + "."));
        return new Open311Body("service_requests", List.of(new Token(request.trackingNumber(), token)));
    }

    private PublicRequest find(String trackingNumber) {
        return requests.find(trackingNumber).orElseThrow(
                () -> Open311Exception.of(HttpStatus.NOT_FOUND, "No service request " + trackingNumber + "."));
    }

    private Open311Body list(List<PublicRequest> found, boolean extensions) {
        Map<Long, List<RequestNote>> notes = extensions
                ? requests.notes(found.stream().map(PublicRequest::id).toList()) : Map.of();
        return new Open311Body("service_requests", found.stream()
                .map(r -> Open311Request.of(r, time, extensions ? notes.getOrDefault(r.id(), List.of()) : null))
                .toList());
    }
}
