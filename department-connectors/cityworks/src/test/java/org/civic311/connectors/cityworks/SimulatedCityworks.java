package org.civic311.connectors.cityworks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The Cityworks simulator over real HTTP on a random port, with a login for Civic311 next to the simulator's
 * demo one. Test classes using it share one running server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = SimulatorHost.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "civic311.simulators.cityworks.enabled=true",
                "civic311.simulators.cityworks.users.civic311=" + TestSite.PASSWORD})
@interface SimulatedCityworks {
}
