package org.civic311.orchestrator.notification;

import java.util.Locale;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code civic311.notifications.failures}: notices to residents that could not be sent or delivered, by channel
 * and outcome: {@code retrying} (tried again later), {@code gave_up} (failed after the last try), {@code refused}
 * (the provider refused it for good), {@code unsendable} (no provider for the channel), {@code undelivered} (the
 * provider took it but reported it undelivered).
 */
@Component
class NoticeFailureMeter {

    enum Outcome { RETRYING, GAVE_UP, REFUSED, UNSENDABLE, UNDELIVERED }

    private final MeterRegistry registry;

    NoticeFailureMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    void failed(Channel channel, Outcome outcome) {
        Counter.builder("civic311.notifications.failures")
                .description("Notices to residents that could not be sent or delivered")
                .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }
}
