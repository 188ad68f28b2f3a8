package org.civic311.orchestrator.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What operators watch of the department systems: {@code civic311.dispatch.latency}, from a task being planned
 * (its request accepted, or sent back by the resident) to its item existing in the department's system, and
 * {@code civic311.connector.errors}, each failed call to a system, by system and operation.
 */
@Component
class DispatchMeters {

    /** What Civic311 was doing when a department system failed it. */
    enum Operation { DISPATCH, POLL, WITHDRAW }

    private final MeterRegistry registry;

    DispatchMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void dispatched(String system, Instant plannedAt, Instant createdAt) {
        Timer.builder("civic311.dispatch.latency")
                .description("From a department task being planned to its item existing in the department's system")
                .tag("system", system)
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.between(plannedAt, createdAt).isNegative() ? Duration.ZERO
                        : Duration.between(plannedAt, createdAt));
    }

    void connectorError(String system, Operation operation) {
        Counter.builder("civic311.connector.errors")
                .description("Calls to a department system that failed")
                .tag("system", system)
                .tag("operation", operation.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }
}
