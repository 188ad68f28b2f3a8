package org.civic311.simulators.cityworks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import org.civic311.simulators.kit.SimulatorClock;
import org.civic311.simulators.cityworks.CityworksSimulatorProperties.ProblemType;

/** The simulated service request table and its state changes. Not thread-safe: callers hold the simulator's lock. */
final class ServiceRequests {

    private final Map<Long, StoredRequest> byId = new LinkedHashMap<>();
    private final SimulatorClock clock;
    private final WebhookNotifier webhooks;
    /** Ids keep growing across {@link #clear()}, as a database sequence does, so a stale id never finds a new request. */
    private long lastRequestId = 10_000;
    private int created;
    private final LongConsumer onCreated;

    /** @param onCreated told the id of each new request */
    ServiceRequests(SimulatorClock clock, WebhookNotifier webhooks, LongConsumer onCreated) {
        this.clock = clock;
        this.webhooks = webhooks;
        this.onCreated = onCreated;
    }

    StoredRequest create(ProblemType problem, Instant dateTimeInit, String initiatedBy) {
        StoredRequest request = new StoredRequest(++lastRequestId, problem, dateTimeInit, initiatedBy);
        byId.put(request.requestId, request);
        created++;
        onCreated.accept(request.requestId);
        return request;
    }

    Optional<StoredRequest> find(long requestId) {
        return Optional.ofNullable(byId.get(requestId));
    }

    /**
     * A request carrying that OtherSystemId. Cityworks does not keep the id unique, and which of several it answers
     * is not documented: this one answers the newest, so a client that needs the first must look for itself.
     */
    Optional<StoredRequest> findByOtherSystemId(String otherSystemId) {
        return all().filter(request -> Objects.equals(request.otherSystemId, otherSystemId))
                .reduce((older, newer) -> newer);
    }

    Stream<StoredRequest> all() {
        return byId.values().stream();
    }

    /**
     * Closes the open ones; a request already closed or canceled is left as it is. cw-sdk documents no error code
     * for that on Close (31 ErrorStatusCantBeClosed belongs to Update).
     */
    void close(List<StoredRequest> requests, String by, String resolution) {
        Instant now = clock.now();
        for (StoredRequest request : requests.stream().filter(StoredRequest::isOpen).toList()) {
            if (resolution != null) {
                request.resolution = resolution;
            }
            request.close(by, now);
            webhooks.requestClosed(request);
        }
    }

    /** Cancels the open ones; a request already closed or canceled is left as it is, as Close does. */
    void cancel(List<StoredRequest> requests, String by, Instant at, String reason) {
        Instant when = at == null ? clock.now() : at;
        for (StoredRequest request : requests.stream().filter(StoredRequest::isOpen).toList()) {
            request.cancel(by, when, reason);
            webhooks.requestCanceled(request);
        }
    }

    int created() {
        return created;
    }

    void clear() {
        byId.clear();
        created = 0;
    }
}
