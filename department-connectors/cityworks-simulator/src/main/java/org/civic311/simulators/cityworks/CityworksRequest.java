package org.civic311.simulators.cityworks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A service request as the simulator holds it, for tests and demos driving it from Java.
 *
 * @param caller      the Caller* fields Create received (Cityworks keeps them on a customer call, not on RequestBase)
 * @param comments    the comment texts on the request, oldest first
 * @param requestBase the request exactly as {@code ServiceRequest/ById} returns it
 * @param coordinatesWkid the spatial reference its X/Y were taken in: the WKID sent with them, else the site's own;
 *                    null without coordinates
 */
public record CityworksRequest(long requestId, String problemCode, String status, boolean closed, boolean canceled,
                               String otherSystemId, Instant dateTimeClosed, String resolution,
                               Map<String, String> caller, List<String> comments, Map<String, Object> requestBase,
                               Integer coordinatesWkid) {
}
