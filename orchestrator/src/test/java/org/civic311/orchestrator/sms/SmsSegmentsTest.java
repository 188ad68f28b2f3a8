package org.civic311.orchestrator.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void gsm7TextIs160InOneSegmentAnd153InEachOfSeveral() {
        assertThat(SmsSegments.count("")).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void accentedLettersOfTheGsmTableStayGsm7() {
        String spanish = "Su reporte fue recibido. Número de seguimiento: SR-2026-000042. ¿Preguntas? Llame al 311.";
        assertThat(SmsSegments.isGsm7("ñÑäöüÄÖÜéèàùìòÇ¿¡£$¥€")).isTrue();
        assertThat(SmsSegments.isGsm7(spanish.replace("ú", "u"))).isTrue();
        assertThat(SmsSegments.isGsm7(spanish)).as("ú is not in GSM 03.38").isFalse();
    }

    @Test
    void extensionCharactersCountDoubleAndAreNeverSplit() {
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
        assertThat(SmsSegments.count("[]{}".repeat(20) + "a")).isEqualTo(2);
        // 152 septets fill the first part; the euro sign's two septets cannot straddle into the second
        assertThat(SmsSegments.count("a".repeat(152) + "€" + "a".repeat(152))).isEqualTo(3);
        assertThat(SmsSegments.count("a".repeat(151) + "€" + "a".repeat(153))).isEqualTo(2);
    }

    @Test
    void anyOtherCharacterMakesTheTextUcs2Of70Or67() {
        assertThat(SmsSegments.isGsm7("您的报告已收到")).isFalse();
        assertThat(SmsSegments.count("您".repeat(70))).isEqualTo(1);
        assertThat(SmsSegments.count("您".repeat(71))).isEqualTo(2);
        assertThat(SmsSegments.count("您".repeat(134))).isEqualTo(2);
        assertThat(SmsSegments.count("您".repeat(135))).isEqualTo(3);
        assertThat(SmsSegments.count("a".repeat(159) + "ú")).as("one character turns all of it UCS-2").isEqualTo(3);
    }

    @Test
    void anEmojiTakesTwoUnitsAndIsNeverSplit() {
        assertThat(SmsSegments.count("😀".repeat(35))).isEqualTo(1);
        assertThat(SmsSegments.count("a" + "😀".repeat(35))).isEqualTo(2);
        // 66 units fill the first part; the emoji's surrogate pair cannot straddle into the second
        assertThat(SmsSegments.count("a".repeat(66) + "😀" + "a".repeat(66))).isEqualTo(3);
        assertThat(SmsSegments.count("a".repeat(65) + "😀" + "a".repeat(67))).isEqualTo(2);
    }
}
