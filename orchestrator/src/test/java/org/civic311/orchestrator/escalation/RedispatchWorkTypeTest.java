package org.civic311.orchestrator.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.civic311.orchestrator.E2eMailServer;
import org.civic311.orchestrator.catalog.RequestTypes;
import org.civic311.orchestrator.dispatch.DepartmentTask;
import org.civic311.orchestrator.dispatch.DepartmentTasks;
import org.civic311.orchestrator.request.NewServiceRequest;
import org.civic311.orchestrator.request.RequestIntake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

/**
 * The department system's work type of a task a supervisor sends elsewhere: what the routing rules name for that
 * department and system, else the replaced task's in the same system, else none. The Cityworks site is not reached
 * here (its connector only has to be enabled for supervisors to choose it).
 */
@SpringBootTest(properties = {
        "civic311.departments.urban-forestry.name=Urban Forestry",
        "civic311.departments.parks.name=Parks Department",
        "civic311.connectors.cityworks.enabled=true",
        "civic311.connectors.cityworks.base-url=http://127.0.0.1:9/cityworks",
        "civic311.connectors.cityworks.login-name=civic311",
        "civic311.connectors.cityworks.password=test-only",
        "civic311.connectors.cityworks.zone=UTC",
        "civic311.connectors.cityworks.departments.urban-forestry.kind=service-request",
        "civic311.connectors.cityworks.departments.parks.kind=service-request",
        "civic311.connectors.email.departments.parks.address=parks@test.civic311.local",
        "civic311.dispatch.poll-interval=1h"})
@ActiveProfiles("e2e")
@DirtiesContext
class RedispatchWorkTypeTest {

    static final GreenMail MAIL = E2eMailServer.start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        E2eMailServer.use(MAIL, registry);
    }

    @Autowired
    RequestIntake intake;
    @Autowired
    RequestTypes requestTypes;
    @Autowired
    DepartmentTasks tasks;
    @Autowired
    SupervisorActions supervisor;

    @Test
    void aTreeSentToAnotherCityworksDepartmentKeepsItsProblemCodeAndBackGetsTheRulesOne() {
        long request = submit("damaged_tree", Map.of("blocking", List.of("no")));
        DepartmentTask routed = tasks.current(request).orElseThrow();
        assertThat(routed.workType()).as("stored from the routing decision").isEqualTo("TREE DAMAGED");

        supervisor.redispatch(request, routed.id(), "parks", "cityworks", null, "Their tree crew is free",
                "forestry-supervisor");
        DepartmentTask toParks = tasks.current(request).orElseThrow();
        supervisor.redispatch(request, toParks.id(), "urban-forestry", "cityworks", null, "Back to forestry",
                "forestry-supervisor");
        DepartmentTask back = tasks.current(request).orElseThrow();

        assertThat(toParks.department()).isEqualTo("parks");
        assertThat(toParks.workType()).as("the replaced task's, in the same system").isEqualTo("TREE DAMAGED");
        assertThat(back.workType()).as("the rules route it there and name it").isEqualTo("TREE DAMAGED");
    }

    @Test
    void workSentFromEmailToCityworksHasNoWorkTypeUnlessTheRulesNameOne() {
        long pothole = submit("pothole", Map.of("hazard", List.of("no")));
        DepartmentTask byEmail = tasks.current(pothole).orElseThrow();
        assertThat(byEmail.workType()).isNull();

        supervisor.redispatch(pothole, byEmail.id(), "parks", "cityworks", null, "It is on the park road", "director");

        assertThat(tasks.current(pothole).orElseThrow().workType())
                .as("none: Cityworks refuses the work with a message saying the rules give no problem code").isNull();
    }

    @Test
    void workSentToEmailHasNoWorkType() {
        long request = submit("damaged_tree", Map.of("blocking", List.of("no")));
        DepartmentTask routed = tasks.current(request).orElseThrow();

        supervisor.redispatch(request, routed.id(), "parks", "email", null, "Parks will look first", "director");

        assertThat(tasks.current(request).orElseThrow().workType()).isNull();
    }

    private long submit(String serviceCode, Map<String, List<String>> answers) {
        return intake.submit(new NewServiceRequest(requestTypes.find(serviceCode).orElseThrow(), "Reported at the counter", null, null,
                "2100 N Cannon Dr", null, null, null, null, "phone", answers)).id();
    }
}
