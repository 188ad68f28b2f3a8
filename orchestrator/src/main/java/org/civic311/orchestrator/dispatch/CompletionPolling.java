package org.civic311.orchestrator.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.WorkUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/**
 * Asks every department system, on a fixed delay, what the departments did, and applies it.
 * A system's watermark moves on only once all its updates are applied, so a failed import is fetched again.
 */
@Configuration(proxyBeanMethods = false)
class CompletionPolling {

    private static final Logger log = LoggerFactory.getLogger(CompletionPolling.class);

    /** Asks a little further back than the last poll: clocks differ, and updates are idempotent anyway. */
    private static final Duration OVERLAP = Duration.ofMinutes(5);

    /** One message per system per round; each system is polled and applied on its own. */
    @Bean
    IntegrationFlow departmentUpdates(DepartmentSystems systems, Watermarks watermarks, WorkUpdateImport updateImport,
                                      Clock clock, @Value("${civic311.dispatch.poll-interval}") Duration interval) {
        return IntegrationFlow
                .fromSupplier(() -> new ArrayList<>(systems.names()),
                        e -> e.id("departmentUpdatePoller").poller(Pollers.fixedDelay(interval)))
                .split()
                .handle(String.class, (system, headers) -> {
                    poll(system, systems, watermarks, updateImport, clock);
                    return null;
                }, e -> e.id("departmentUpdateImporter"))
                .get();
    }

    private static void poll(String system, DepartmentSystems systems, Watermarks watermarks,
                             WorkUpdateImport updateImport, Clock clock) {
        Instant startedAt = clock.instant();
        Instant since = watermarks.since(system, startedAt.minus(Duration.ofDays(1)));
        List<WorkUpdate> updates;
        try {
            updates = systems.connector(system).pullUpdates(since);
        } catch (ConnectorException e) {
            log.warn("Could not ask {} for updates: {}", system, e.getMessage());
            return;
        }
        boolean allApplied = true;
        for (WorkUpdate update : updates) {
            try {
                updateImport.apply(update);
            } catch (RuntimeException e) {
                allApplied = false;
                log.error("Could not apply update {} from {}; it is asked for again next round", update.updateId(),
                        system, e);
            }
        }
        if (allApplied) {
            watermarks.advance(system, startedAt.minus(OVERLAP));
        }
    }
}
