package org.civic311.simulators.cityworks;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The Cityworks service methods the simulator answers, by path. Everything else is a 404. */
final class CityworksServices {

    /**
     * @param service   the method's canonical path, e.g. {@code Ams/ServiceRequest/Create}
     * @param anonymous answers without a token
     * @param creates   a Create, whose answer {@code loseNextResponses} may drop
     */
    record Route(String service, Operation operation, boolean anonymous, boolean creates) {
    }

    private final Map<String, Route> routes = new HashMap<>();

    CityworksServices(AuthenticationApi authentication, ServiceRequestApi requests, WorkOrderApi workOrders,
                      CommentApi comments) {
        anonymous("General/Authentication/Authenticate", authentication::authenticate);
        anonymous("General/Authentication/Validate", authentication::validate);

        secured("Ams/ServiceRequest/Problems", requests::problems);
        secured("Ams/ServiceRequest/ProblemLeafBySid", requests::problemLeafBySid);
        creating("Ams/ServiceRequest/Create", requests::create);
        secured("Ams/ServiceRequest/ById", requests::byId);
        secured("Ams/ServiceRequest/ByIds", requests::byIds);
        secured("Ams/ServiceRequest/ByOtherSystemId", requests::byOtherSystemId);
        secured("Ams/ServiceRequest/Search", requests::search);
        secured("Ams/ServiceRequest/Close", requests::close);
        secured("Ams/ServiceRequest/Cancel", requests::cancel);
        secured("Ams/ServiceRequest/Update", requests::update);
        secured("Ams/ServiceRequest/RequestWorkOrders", requests::requestWorkOrders);

        secured("Ams/Comment/Add", comments::add);
        secured("Ams/Comment/ByActivitySids", comments::byActivitySids);

        creating("Ams/WorkOrder/Create", workOrders::create);
        secured("Ams/WorkOrder/ById", workOrders::byId);
        secured("Ams/WorkOrder/ByIds", workOrders::byIds);
        secured("Ams/WorkOrder/Search", workOrders::search);
        secured("Ams/WorkOrder/Close", workOrders::close);
        secured("Ams/WorkOrder/Cancel", workOrders::cancel);
        secured("Ams/WorkOrder/Update", workOrders::update);
    }

    /** @param path what follows the site's base path, e.g. {@code services/ams/servicerequest/create}, any case */
    Optional<Route> find(String path) {
        return Optional.ofNullable(routes.get(key(path)));
    }

    private void anonymous(String service, Operation operation) {
        add(new Route(service, operation, true, false));
    }

    private void secured(String service, Operation operation) {
        add(new Route(service, operation, false, false));
    }

    private void creating(String service, Operation operation) {
        add(new Route(service, operation, false, true));
    }

    private void add(Route route) {
        routes.put(key("Services/" + route.service()), route);
    }

    // Real clients mix case (services/authentication/..., Services/Ams/...), so paths match in any case.
    private static String key(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
