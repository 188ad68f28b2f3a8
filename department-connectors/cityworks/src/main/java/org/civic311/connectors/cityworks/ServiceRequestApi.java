package org.civic311.connectors.cityworks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.civic311.connectors.ConnectorException;

/** {@code Ams/ServiceRequest}, raw: the calls this connector makes, in Cityworks' own terms. */
final class ServiceRequestApi {

    /** ErrorItemNotFound: what some sites answer ByOtherSystemId with when no request carries the id. */
    static final int ITEM_NOT_FOUND = 35;

    /** WarningItemNotFound: what cw-sdk documents for that miss, with Status 0 and Value null. */
    static final int WARNING_ITEM_NOT_FOUND = 60;

    /** ByIds calls take this many ids at most, as tolemi's cityworks_puller does, to keep each call short. */
    static final int BATCH = 500;

    private final CityworksClient client;
    private final CityworksDates dates;

    private final int searchCap;

    ServiceRequestApi(CityworksClient client, CityworksDates dates, int searchCap) {
        this.client = client;
        this.dates = dates;
        this.searchCap = searchCap;
    }

    /**
     * RequestIds of the requests carrying that OtherSystemId, oldest (lowest) first; empty when none does.
     * {@code ByOtherSystemId} answers a miss as Status 0 with Value null (cw-sdk) or as 35 ErrorItemNotFound, and
     * of several requests one it does not say which: when it finds one, a Search lists them all.
     */
    List<Long> withOtherSystemId(String otherSystemId) {
        Envelope answer = client.call("Ams/ServiceRequest/ByOtherSystemId", Map.of("OtherSystemId", otherSystemId));
        if (answer.failedWith(ITEM_NOT_FOUND) || answer.warnedWith(WARNING_ITEM_NOT_FOUND)) {
            return List.of();
        }
        Set<Long> ids = new TreeSet<>();
        JsonNode value = answer.valueOrThrow();
        (value.isArray() ? value : List.of(value)).forEach(request -> {
            long requestId = request.path("RequestId").asLong();
            if (requestId > 0) {
                ids.add(requestId);
            }
        });
        if (!ids.isEmpty()) {
            ids.addAll(search(Map.of("OtherSystemId", List.of(otherSystemId), "MaxResults", WindowedSearch.MAX_RESULTS)));
        }
        return List.copyOf(ids);
    }

    /** {@code Create}: the new request. */
    RequestBase create(Map<String, Object> data) {
        JsonNode value = client.call("Ams/ServiceRequest/Create", data).valueOrThrow();
        RequestBase created = RequestBase.of(value, dates);
        if (created.requestId() <= 0) {
            throw new ConnectorException("Cityworks answered Ams/ServiceRequest/Create without a RequestId");
        }
        return created;
    }

    /**
     * {@code Cancel}: the request as Cityworks answers it after the call; empty when it is not found (warning 60,
     * or a failure with 35 ErrorItemNotFound). A request already closed or canceled comes back unchanged.
     */
    Optional<RequestBase> cancel(long requestId, String reason) {
        Envelope answer = client.call("Ams/ServiceRequest/Cancel",
                new CallData().put("RequestIds", List.of(requestId)).putPresent("CancelReason", reason).fields());
        if (answer.failedWith(ITEM_NOT_FOUND)) {
            return Optional.empty();
        }
        JsonNode value = answer.valueOrThrow();
        for (JsonNode request : value) {
            if (request.path("RequestId").asLong() == requestId) {
                return Optional.of(RequestBase.of(request, dates));
            }
        }
        return Optional.empty();
    }

    /** Ids of requests closed at or after {@code since}. */
    List<Long> closedSince(Instant since) {
        return WindowedSearch.since(since, searchCap, (begin, end) ->
                search(WindowedSearch.window(Map.of("Closed", true), "DateTimeClosed", begin, end, dates)));
    }

    /** Ids of requests canceled at or after {@code since}. */
    List<Long> canceledSince(Instant since) {
        return WindowedSearch.since(since, searchCap, (begin, end) ->
                search(WindowedSearch.window(Map.of("Canceled", true), "DateCancelled", begin, end, dates)));
    }

    /** {@code ByIds}, in batches; ids no longer found are left out (Cityworks warns, it does not fail). */
    List<RequestBase> byIds(List<Long> requestIds) {
        List<RequestBase> found = new ArrayList<>();
        for (int from = 0; from < requestIds.size(); from += BATCH) {
            List<Long> batch = requestIds.subList(from, Math.min(requestIds.size(), from + BATCH));
            JsonNode value = client.call("Ams/ServiceRequest/ByIds", Map.of("RequestIds", batch)).valueOrThrow();
            value.forEach(request -> found.add(RequestBase.of(request, dates)));
        }
        return found;
    }

    private List<Long> search(Map<String, Object> data) {
        JsonNode value = client.call("Ams/ServiceRequest/Search", data).valueOrThrow();
        List<Long> ids = new ArrayList<>();
        value.forEach(id -> ids.add(id.asLong()));
        return ids;
    }
}
