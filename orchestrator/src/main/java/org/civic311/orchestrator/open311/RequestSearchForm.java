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
 * v2.1 draft's {@code updated_after}/{@code updated_before} are the widely used extensions. With {@code lat} and
 * {@code long} (and {@code radius} in metres) it is the nearby search a front end asks before a report is filed:
 * open requests of their own near the point, nearest first, whenever they were reported.
 */
final class RequestSearchForm {

    static final Duration MAX_SPAN = Duration.ofDays(90);
    static final int MAX_RESULTS = 1000;

    /** The radius of a nearby search that gives none: FixMyStreet's default. */
    static final double DEFAULT_RADIUS = 250;

    private final Arguments args;
    private final W3cTime time;
    private final double maxRadius;

    /** @param maxRadius the largest radius, in metres, a nearby search may ask for */
    RequestSearchForm(Arguments args, W3cTime time, double maxRadius) {
        this.args = args;
        this.time = time;
        this.maxRadius = maxRadius;
    }

    /**
     * @param query      which requests
     * @param extensions {@code extensions=true}: each request's public history and intake channel too
     * @param nearby     the nearby search asked for instead of {@code query}; null when none was
     */
    record Search(RequestQuery query, boolean extensions, Nearby nearby) {
    }

    /** Open requests within {@code radius} metres of the point, nearest first. */
    record Nearby(double lat, double lon, double radius, List<String> serviceCodes, int limit) {
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
            return new Search(RequestQuery.byTrackingNumbers(trackingNumbers), extensions, null);
        }
        if (args.value("lat") != null || args.value("long") != null || args.value("radius") != null) {
            return new Search(null, extensions, nearby());
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
                (page - 1) * pageSize, pageSize), extensions, null);
    }

    private Nearby nearby() {
        Double lat = args.number("lat", -90, 90, "lat must be a number from -90 to 90.");
        Double lon = args.number("long", -180, 180, "long must be a number from -180 to 180.");
        if (args.value("lat") == null || args.value("long") == null) {
            args.error("A nearby search needs both lat and long (and radius, in metres).");
        }
        String most = maxRadius == Math.rint(maxRadius) ? String.valueOf((long) maxRadius) : String.valueOf(maxRadius);
        Double radius = args.number("radius", Double.MIN_VALUE, maxRadius,
                "radius must be a number of metres greater than 0 and at most " + most + ".");
        for (String dated : List.of("start_date", "end_date", "updated_after", "updated_before")) {
            if (args.value(dated) != null) {
                args.error(dated + " does not apply to a nearby search (lat, long): it lists every open request "
                        + "near the point, whenever it was reported.");
            }
        }
        if (statuses().contains(RequestStatus.CLOSED)) {
            args.error("A nearby search (lat, long) lists open requests only: leave status out or make it open.");
        }
        if (args.value("page") != null) {
            args.error("page does not apply to a nearby search (lat, long): ask for up to page_size requests.");
        }
        int pageSize = args.whole("page_size", 1, MAX_RESULTS, MAX_RESULTS);
        List<String> serviceCodes = args.commaList("service_code");
        args.rejectIfInvalid();
        return new Nearby(lat, lon, radius == null ? Math.min(DEFAULT_RADIUS, maxRadius) : radius, serviceCodes,
                pageSize);
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
