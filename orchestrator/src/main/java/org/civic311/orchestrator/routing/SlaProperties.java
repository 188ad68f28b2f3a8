package org.civic311.orchestrator.routing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param holidays      the city's public holidays, which business-day and business-hour service levels skip
 * @param businessHours when the city works, for service levels in business hours (on the city's wall clock)
 */
@Validated
@ConfigurationProperties("civic311.sla")
record SlaProperties(List<LocalDate> holidays, @DefaultValue @Valid BusinessHours businessHours) {

    SlaProperties {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    /** @param opens e.g. 08:00; @param closes e.g. 17:00 */
    record BusinessHours(@DefaultValue("08:00") @NotNull LocalTime opens,
                         @DefaultValue("17:00") @NotNull LocalTime closes) {

        @AssertTrue(message = "business hours must open before they close")
        boolean isOpensBeforeCloses() {
            return opens == null || closes == null || opens.isBefore(closes);
        }
    }
}
