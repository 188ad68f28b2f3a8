package org.civic311.orchestrator.demo;

import org.civic311.orchestrator.OrchestratorApplication;
import org.springframework.boot.SpringApplication;

/** The orchestrator with the {@code demo} profile on: {@code java -jar civic311-demo.jar} is the whole demo. */
public class DemoApplication {

    public static void main(String[] args) {
        SpringApplication demo = new SpringApplication(OrchestratorApplication.class);
        demo.setAdditionalProfiles("demo");
        demo.run(args);
    }
}
