package org.civic311.connectors.cityworks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** A Cityworks server in Chicago writes and reads Chicago wall-clock time without a zone. */
class CityworksDatesTest {

    final CityworksDates chicago = new CityworksDates(ZoneId.of("America/Chicago"));

    @Test
    void aWatermarkIsSentAsTheServersWallClockTime() {
        assertThat(chicago.format(Instant.parse("2026-11-22T16:00:00.750Z"))).isEqualTo("2026-11-22T10:00:00");
        assertThat(chicago.format(Instant.parse("2026-07-01T15:00:00Z"))).as("daylight saving").isEqualTo("2026-07-01T10:00:00");
    }

    @Test
    void aDateWithoutZoneIsTheServersWallClockTime() {
        assertThat(chicago.parse("DateTimeClosed", "2026-11-22T10:00:00")).isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
        assertThat(chicago.parse("DateTimeClosed", "2026-11-22T10:00:00.123")).isEqualTo(Instant.parse("2026-11-22T16:00:00.123Z"));
    }

    @Test
    void aDateWithZoneIsTakenAsGiven() {
        assertThat(chicago.parse("DateTimeClosed", "2026-11-22T10:00:00Z")).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(chicago.parse("DateTimeClosed", "2026-11-22T10:00:00-06:00")).isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
    }

    /** Clocks go back at 07:00Z on 1 November 2026: 01:00 to 02:00 happens twice. */
    @Test
    void aWindowIsWidenedToEveryWallClockTimeItsInstantsHave() {
        Instant beforeTheChange = Instant.parse("2026-11-01T06:45:00Z");
        Instant afterTheChange = Instant.parse("2026-11-01T07:15:00Z");

        assertThat(chicago.formatBegin(beforeTheChange, afterTheChange)).isEqualTo("2026-11-01T00:45:00");
        assertThat(chicago.formatEnd(beforeTheChange, afterTheChange)).isEqualTo("2026-11-01T02:15:00");
        assertThat(chicago.formatBegin(afterTheChange, afterTheChange.plusSeconds(60))).as("no change within")
                .isEqualTo("2026-11-01T01:15:00");
    }

    @Test
    void aWallClockTimeThatHappensTwiceIsReadAsTheLaterInstant() {
        assertThat(chicago.parse("DateTimeClosed", "2026-11-01T01:30:00")).isEqualTo(Instant.parse("2026-11-01T07:30:00Z"));
    }

    @Test
    void noDateIsNull() {
        assertThat(chicago.parse("DateTimeClosed", null)).isNull();
        assertThat(chicago.parse("DateTimeClosed", "")).isNull();
        assertThat(chicago.parse("DateTimeClosed", "0001-01-01T00:00:00")).as(".NET's empty date").isNull();
        assertThat(chicago.parse("DateTimeClosed", "yesterday")).isNull();
    }
}
