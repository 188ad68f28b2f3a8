package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.civic311.orchestrator.sms.SmsSender;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A resident's phone at intake: kept in E.164 so it can be texted, refused with a clear error when it cannot. */
class PhoneAtIntakeTest extends Open311ConformanceTest {

    @Autowired
    Optional<SmsSender> sms;

    @Test
    void withoutSmsSettingsTheCityStartsAndPhonesAreStillChecked() {
        assertThat(sms).as("no provider configured: no sender").isEmpty();
        assertThat(api.post(V2 + "/requests.json", pothole().set("phone", "555-0123")).status()).isEqualTo(400);
    }

    @Test
    void aPhoneAsTypedIsKeptInE164() {
        String id = submit(pothole().set("phone", "(312) 555-0123"));

        assertThat(db.sql("SELECT phone FROM service_request WHERE tracking_number = :id").param("id", id)
                .query(String.class).single()).isEqualTo("+13125550123");
    }

    @Test
    void anInvalidOrLandlineNumberIsRefusedAndNothingIsStored() {
        long before = storedRequests();

        Open311Client.Answer shortNumber = api.post(V2 + "/requests.json", pothole().set("phone", "555-0123"));
        Open311Client.Answer landline = api.post(V2 + "/requests.xml", pothole().set("phone", "+44 20 7946 0018"));

        assertThat(shortNumber.status()).isEqualTo(400);
        assertThat(shortNumber.errors()).containsExactly(
                "phone is not a valid phone number (without a country code, a number of US is expected).");
        assertThat(landline.status()).isEqualTo(400);
        assertThat(landline.errors()).containsExactly(
                "phone cannot receive text messages (a landline): give a mobile number, or leave it out.");
        assertThat(storedRequests()).isEqualTo(before);
    }
}
