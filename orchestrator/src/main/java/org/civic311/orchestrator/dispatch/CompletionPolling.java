package org.civic311.orchestrator.dispatch;

import java.time.Duration;
import java.util.ArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;

/**
 * Asks every department system, on a fixed delay, what the departments did: every node has the poller, and a lock
 * in the database lets one node at a time poll each system.
 */
@Configuration(proxyBeanMethods = false)
class CompletionPolling {

    /** One message per system per round; each system is polled and applied on a thread of its own. */
    @Bean
    IntegrationFlow departmentUpdates(DepartmentSystems systems, DepartmentUpdatePoll poll,
                                      @Value("${civic311.dispatch.poll-interval}") Duration interval) {
        return IntegrationFlow
                .fromSupplier(() -> new ArrayList<>(systems.names()),
                        e -> e.id("departmentUpdatePoller").poller(Pollers.fixedDelay(interval)))
                .split()
                .handle(String.class, (system, headers) -> {
                    poll.pollInRound(system);
                    return null;
                }, e -> e.id("departmentUpdateImporter"))
                .get();
    }

    /**
     * Spring Integration's lock rows (table INT_LOCK, made by our Liquibase changelog). A lock whose node died
     * is free again after {@code time-to-live}. A poll renews its lock between steps, so only each step (asking the
     * system, applying a batch of updates) should end well within it.
     */
    @Bean
    DefaultLockRepository pollLockRepository(DataSource dataSource,
                                             @Value("${civic311.dispatch.poll-lock-time-to-live}") Duration timeToLive) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setTimeToLive(Math.toIntExact(timeToLive.toMillis()));
        return repository;
    }

    @Bean
    JdbcLockRegistry pollLocks(DefaultLockRepository pollLockRepository) {
        return new JdbcLockRegistry(pollLockRepository);
    }
}
