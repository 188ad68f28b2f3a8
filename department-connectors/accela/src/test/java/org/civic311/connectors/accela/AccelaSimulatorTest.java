package org.civic311.connectors.accela;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/** A test against the Accela simulator served over real HTTP; every such test class shares one running agency. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = AccelaSimulatorHost.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@interface AccelaSimulatorTest {
}
