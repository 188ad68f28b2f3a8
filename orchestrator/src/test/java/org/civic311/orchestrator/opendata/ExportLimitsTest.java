package org.civic311.orchestrator.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ExportLimitsTest {

    @Test
    void eachAddressHasItsOwnDownloadsAndIsToldHowLongToWait() {
        ExportLimits limits = new ExportLimits(new OpenDataProperties(2, Duration.ofMinutes(1)));

        assertThat(limits.secondsToWait("203.0.113.7")).isZero();
        assertThat(limits.secondsToWait("203.0.113.7")).isZero();
        assertThat(limits.secondsToWait("203.0.113.7")).isBetween(1L, 30L);
        assertThat(limits.secondsToWait("198.51.100.2")).isZero();
    }
}
