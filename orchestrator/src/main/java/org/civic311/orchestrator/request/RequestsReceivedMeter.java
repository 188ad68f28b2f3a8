package org.civic311.orchestrator.request;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code civic311.requests.received}: the requests taken in to be worked, by service code and channel; and
 * {@code civic311.requests.linked}: the reports linked to an open request as its duplicates (at intake or by staff),
 * which no department gets twice. Counted once committed, so a report whose process could not start is not counted.
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

    @TransactionalEventListener(fallbackExecution = true)
    void on(DuplicateLinked linked) {
        Counter.builder("civic311.requests.linked")
                .description("Reports linked to an open request as its duplicates")
                .register(registry)
                .increment();
    }
}
