package org.civic311.orchestrator.dispatch;

import java.time.Duration;
import java.util.ArrayList;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/** Asks every department system, on a fixed delay, what the departments did. */
@Configuration(proxyBeanMethods = false)
class CompletionPolling {

    /** One message per system per round; each system is polled and applied on its own. */
    @Bean
    IntegrationFlow departmentUpdates(DepartmentSystems systems, DepartmentUpdatePoll poll,
                                      @Value("${civic311.dispatch.poll-interval}") Duration interval) {
        return IntegrationFlow
                .fromSupplier(() -> new ArrayList<>(systems.names()),
                        e -> e.id("departmentUpdatePoller").poller(Pollers.fixedDelay(interval)))
                .split()
                .handle(String.class, (system, headers) -> {
                    poll.poll(system);
                    return null;
                }, e -> e.id("departmentUpdateImporter"))
                .get();
    }
}
