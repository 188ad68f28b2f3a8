package org.civic311.orchestrator.towing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import org.civic311.orchestrator.routing.SlaClock;
import org.junit.jupiter.api.Test;

/** When a tagged vehicle is towed: after its tagging period, on a business day of the city's calendar. */
class TaggedVehiclesTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private final TaggedVehicles vehicles = new TaggedVehicles(null,
            new SlaClock(CHICAGO, Set.of(LocalDate.parse("2026-12-25"))), CHICAGO, Clock.systemUTC());

    @Test
    void theTowIsDueWhenTheTaggingPeriodIsOver() {
        assertThat(vehicles.towAfter(at("2026-12-07T10:00"), "P3D").toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-12-10T10:00"));
    }

    @Test
    void aPeriodEndingOnAWeekendOrHolidayEndsOnTheNextBusinessDay() {
        assertThat(vehicles.towAfter(at("2026-12-02T10:00"), "P3D").toLocalDateTime())
                .as("Saturday: Monday").isEqualTo(LocalDateTime.parse("2026-12-07T10:00"));
        assertThat(vehicles.towAfter(at("2026-12-22T09:00"), "P3D").toLocalDateTime())
                .as("Christmas: the Monday after").isEqualTo(LocalDateTime.parse("2026-12-28T09:00"));
    }

    @Test
    void aTaggingPeriodThatIsNoPeriodIsRefusedNamingTheInput() {
        assertThatThrownBy(() -> vehicles.towAfter(at("2026-12-07T10:00"), "3 days"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'3 days'")
                .hasMessageContaining("taggingPeriod");
        assertThatThrownBy(() -> vehicles.towAfter(at("2026-12-07T10:00"), "P-1D"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    private static java.time.Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CHICAGO).toInstant();
    }
}
