package org.civic311.simulators.cityworks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.civic311.simulators.cityworks.CityworksSimulatorProperties.ProblemType;

/** The simulated service request table and its state changes. Not thread-safe: callers hold the simulator's lock. */
final class ServiceRequests {

    private final Map<Long, StoredRequest> byId = new LinkedHashMap<>();
    private final SimulatorClock clock;
    private final WebhookNotifier webhooks;
    /** Ids keep growing across {@link #clear()}, as a database sequence does, so a stale id never finds a new request. */
    private long lastRequestId = 10_000;
    private int created;

    ServiceRequests(SimulatorClock clock, WebhookNotifier webhooks) {
        this.clock = clock;
        this.webhooks = webhooks;
    }

    StoredRequest create(ProblemType problem, Instant dateTimeInit, String initiatedBy) {
        StoredRequest request = new StoredRequest(++lastRequestId, problem, dateTimeInit, initiatedBy);
        byId.put(request.requestId, request);
        created++;
        return request;
    }

    Optional<StoredRequest> find(long requestId) {
        return Optional.ofNullable(byId.get(requestId));
    }

    /** The oldest request carrying that OtherSystemId; Cityworks does not keep it unique. */
    Optional<StoredRequest> findByOtherSystemId(String otherSystemId) {
        return all().filter(request -> Objects.equals(request.otherSystemId, otherSystemId)).findFirst();
    }

    Stream<StoredRequest> all() {
        return byId.values().stream();
    }

    /** All or nothing: one request that is already closed or canceled fails the whole call with 31. */
    void close(List<StoredRequest> requests, String by, String resolution) {
        for (StoredRequest request : requests) {
            if (!request.isOpen()) {
                throw CityworksFault.error(MessageCode.ERROR_STATUS_CANT_BE_CLOSED,
                        "Service request " + request.requestId + " is " + request.status + " and cannot be closed.");
            }
        }
        Instant now = clock.now();
        for (StoredRequest request : requests) {
            if (resolution != null) {
                request.resolution = resolution;
            }
            request.close(by, now);
            webhooks.requestClosed(request);
        }
    }

    /** All or nothing: one request that is already closed or canceled fails the whole call with 32. */
    void cancel(List<StoredRequest> requests, String by, Instant at, String reason) {
        for (StoredRequest request : requests) {
            if (!request.isOpen()) {
                throw CityworksFault.error(MessageCode.ERROR_STATUS_CANT_BE_CANCELED,
                        "Service request " + request.requestId + " is " + request.status + " and cannot be canceled.");
            }
        }
        Instant when = at == null ? clock.now() : at;
        for (StoredRequest request : requests) {
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
