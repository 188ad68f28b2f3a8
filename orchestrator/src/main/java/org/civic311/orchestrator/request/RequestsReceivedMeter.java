package org.civic311.orchestrator.request;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code civic311.requests.received}: the requests taken in, by service code and channel. Counted once the
 * request is committed, so a report whose process could not start is not counted.
 */
@Component
class RequestsReceivedMeter {

    private final MeterRegistry registry;

    RequestsReceivedMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ServiceRequestSubmitted submitted) {
        Counter.builder("civic311.requests.received")
                .description("Service requests taken in")
                .tag("service_code", submitted.serviceCode())
                .tag("channel", submitted.channel() == null ? "none" : submitted.channel())
                .register(registry)
                .increment();
    }
}
