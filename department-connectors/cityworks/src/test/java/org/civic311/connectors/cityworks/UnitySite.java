package org.civic311.connectors.cityworks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Makes the simulated site of {@link SimulatedCityworks} a stricter, newer one: Cityworks 23 (the token in the
 * Authorization header only), HTTP 401 for a bad or expired token and a refused login, a server in Chicago
 * (daylight saving time included) whose map is in Illinois State Plane East (WKID 3435).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {
        "civic311.simulators.cityworks.version=23",
        "civic311.simulators.cityworks.unauthorized=http-401",
        "civic311.simulators.cityworks.zone=" + UnitySite.ZONE,
        "civic311.simulators.cityworks.spatial-reference=" + UnitySite.MAP_WKID})
@interface UnitySite {

    String ZONE = "America/Chicago";

    int MAP_WKID = 3435;

    /** The connector's settings for this site: only its zone differs from the test city's. */
    String[] SETTINGS = {"zone", ZONE};
}
