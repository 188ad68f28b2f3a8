package org.civic311.orchestrator.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    private final PhoneNumbers us = new PhoneNumbers("US");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(312) 555-0123|+13125550123",
            "312.555.0123|+13125550123",
            "1 312 555 0123|+13125550123",
            "+1 312-555-0123|+13125550123",
            "+52 55 1234 5678|+525512345678",
            "+44 7911 123456|+447911123456"})
    void aNumberAsTypedIsKeptInE164(String typed, String e164) {
        assertThat(us.textable(typed)).isEqualTo(e164);
    }

    @Test
    void theCitysRegionDecidesWhatANumberWithoutCountryCodeMeans() {
        assertThat(new PhoneNumbers("gb").textable("07911 123456")).isEqualTo("+447911123456");
    }

    @Test
    void anInvalidNumberIsRefusedNamingTheRegionExpected() {
        assertThatThrownBy(() -> us.textable("312-555")).isInstanceOf(PhoneNumbers.NotTextable.class)
                .hasMessage("is not a valid phone number (without a country code, a number of US is expected)");
        assertThatThrownBy(() -> us.textable("call me maybe")).hasMessage("is not a valid phone number");
    }

    @Test
    void numbersThatCannotReceiveTextsAreRefused() {
        assertThatThrownBy(() -> us.textable("+44 20 7946 0018"))
                .hasMessage("cannot receive text messages (a landline): give a mobile number, or leave it out");
        assertThatThrownBy(() -> us.textable("1-800-555-0199"))
                .hasMessage("cannot receive text messages (a toll-free number): give a mobile number, or leave it out");
    }

    @Test
    void anUnknownRegionIsASettingMistake() {
        assertThatThrownBy(() -> new PhoneNumbers("XX")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("civic311.sms.default-region");
    }
}
