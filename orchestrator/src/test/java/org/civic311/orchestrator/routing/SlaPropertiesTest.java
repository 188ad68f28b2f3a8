package org.civic311.orchestrator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Holidays are written as a YAML list or a comma-separated value, and both reach the business calendar. */
class SlaPropertiesTest {

    @Test
    void holidaysAsAYamlList() {
        SlaProperties sla = bind(Map.of("civic311.sla.holidays[0]", "2026-11-26", "civic311.sla.holidays[1]", "2026-12-25"));

        assertThat(sla.holidays()).containsExactly(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25));
    }

    @Test
    void holidaysCommaSeparated() {
        SlaProperties sla = bind(Map.of("civic311.sla.holidays", "2026-11-26,2026-12-25"));

        assertThat(sla.holidays()).containsExactly(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25));
    }

    private static SlaProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bind("civic311.sla", SlaProperties.class).get();
    }
}
