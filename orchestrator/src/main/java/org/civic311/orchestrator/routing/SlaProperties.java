package org.civic311.orchestrator.routing;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param holidays the city's public holidays, which business-day service levels skip */
@ConfigurationProperties("civic311.sla")
record SlaProperties(List<LocalDate> holidays) {

    SlaProperties {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
}
