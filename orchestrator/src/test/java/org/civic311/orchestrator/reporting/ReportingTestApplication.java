package org.civic311.orchestrator.reporting;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application the reporting tests share (one context): its own in-memory database holding {@link FixedRequests},
 * the clock at {@link FixedRequests#NOW}, a director and a supervisor; no scheduled refresh (the tests refresh).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:reporting;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
        "civic311.zone=UTC",
        "civic311.reporting.refresh-interval=24h",
        "civic311.staff.users[0].id=director",
        "civic311.staff.users[0].password=director-pw-1",
        "civic311.staff.users[0].groups=directors",
        "civic311.staff.users[1].id=streets-supervisor",
        "civic311.staff.users[1].password=streets-pw-2",
        "civic311.staff.users[1].groups=supervisors-streets"})
@ActiveProfiles("conformance")
@Import(FixedRequests.FixedClock.class)
@interface ReportingTestApplication {

    String DIRECTOR = "director";
    String DIRECTOR_PASSWORD = "director-pw-1";
}
