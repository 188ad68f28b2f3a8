package org.civic311.orchestrator.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code civic311.incidents.open}: the engine's open incidents (work a department system refused or that failed
 * its last retry, updates that could not be read), asked of the engine at each scrape. An incident in a called
 * process counts there and again in the process that called it, as the engine keeps them.
 */
@Component
class OpenIncidentsGauge {

    OpenIncidentsGauge(RuntimeService runtime, MeterRegistry registry) {
        Gauge.builder("civic311.incidents.open", runtime, r -> r.createIncidentQuery().count())
                .description("Open incidents in the process engine, as Cockpit lists them")
                .register(registry);
    }
}
