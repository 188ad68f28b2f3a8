package org.civic311.simulators.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmentsTest {

    @Test
    void gsmTextFitsOneSegmentUpTo160AndThen153Each() {
        assertThat(Segments.of("a".repeat(160))).isEqualTo(1);
        assertThat(Segments.of("a".repeat(161))).isEqualTo(2);
        assertThat(Segments.of("a".repeat(306))).isEqualTo(2);
        assertThat(Segments.of("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void extensionCharactersTakeTwoSeptets() {
        assertThat(Segments.of("€".repeat(80))).isEqualTo(1);
        assertThat(Segments.of("€".repeat(81))).isEqualTo(2);
    }

    @Test
    void aCharacterIsNeverSplitBetweenParts() {
        assertThat(Segments.of("a".repeat(152) + "€" + "a".repeat(152))).isEqualTo(3);
        assertThat(Segments.of("a".repeat(66) + "😀" + "a".repeat(66))).isEqualTo(3);
    }

    @Test
    void anyOtherCharacterMakesTheWholeTextUcs2() {
        assertThat(Segments.of("ñ".repeat(160))).isEqualTo(1);
        assertThat(Segments.of("您".repeat(70))).isEqualTo(1);
        assertThat(Segments.of("您".repeat(71))).isEqualTo(2);
        assertThat(Segments.of("a".repeat(60) + "😀".repeat(5))).isEqualTo(1);
    }
}
