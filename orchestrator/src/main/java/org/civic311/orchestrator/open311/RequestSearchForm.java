package org.civic311.orchestrator.open311;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.civic311.orchestrator.request.RequestQuery;
import org.civic311.orchestrator.request.RequestStatus;

/**
 * The arguments of {@code GET requests}, with the spec's defaults and limits: a window of at most 90 days (the
 * last 90 by default), at most 1,000 requests per answer. Paging ({@code page}, {@code page_size}) and the
 * v2.1 draft's {@code updated_after}/{@code updated_before} are the widely used extensions.
 */
final class RequestSearchForm {

    static final Duration MAX_SPAN = Duration.ofDays(90);
    static final int MAX_RESULTS = 1000;

    private final Arguments args;
    private final W3cTime time;

    RequestSearchForm(Arguments args, W3cTime time) {
        this.args = args;
        this.time = time;
    }

    /**
     * @param query      which requests
     * @param extensions {@code extensions=true}: each request's public history and intake channel too
     */
    record Search(RequestQuery query, boolean extensions) {
    }

    Search read(Instant now) {
        boolean extensions = args.flag("extensions");
        List<String> trackingNumbers = args.commaList("service_request_id");
        if (!trackingNumbers.isEmpty()) {
            // The spec: service_request_id "overrides all other arguments".
            if (trackingNumbers.size() > MAX_RESULTS) {
                args.error("service_request_id may name at most " + MAX_RESULTS + " requests.");
            }
            args.rejectIfInvalid();
            return new Search(RequestQuery.byTrackingNumbers(trackingNumbers), extensions);
        }
        List<String> serviceCodes = args.commaList("service_code");
        List<RequestStatus> statuses = statuses();
        Arguments.Window requested = args.window("start_date", "end_date", MAX_SPAN, time);
        Arguments.Window updated = args.window("updated_after", "updated_before", MAX_SPAN, time);
        if (requested == null && updated == null) {
            requested = new Arguments.Window(now.minus(MAX_SPAN), now);
        }
        int pageSize = args.whole("page_size", 1, MAX_RESULTS, MAX_RESULTS);
        int page = args.whole("page", 1, Integer.MAX_VALUE / MAX_RESULTS, 1);
        args.rejectIfInvalid();
        return new Search(new RequestQuery(List.of(), serviceCodes, statuses,
                requested == null ? null : requested.from(), requested == null ? null : requested.to(),
                updated == null ? null : updated.from(), updated == null ? null : updated.to(),
                (page - 1) * pageSize, pageSize), extensions);
    }

    private List<RequestStatus> statuses() {
        List<String> given = args.commaList("status");
        if (given.stream().anyMatch(s -> !s.equalsIgnoreCase("open") && !s.equalsIgnoreCase("closed"))) {
            args.error("status must be open, closed, or both: open,closed.");
            return List.of();
        }
        return given.stream().map(s -> RequestStatus.valueOf(s.toUpperCase(Locale.ROOT))).distinct().toList();
    }
}
