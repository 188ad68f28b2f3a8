package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The extension fields {@code language} and {@code notify} and the {@code Accept-Language} header of
 * {@code POST requests}, in both formats, on an installation without an SMS provider.
 */
class NoticePreferencesConformanceTest extends Open311ConformanceTest {

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void theLanguageAndChannelAreKeptWithTheRequest(String format) {
        Open311Client.Answer answer = api.post(V2 + "/requests." + format, pothole().add("language", "es-US")
                .add("notify", "BOTH"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(preferences(trackingNumberIn(answer, format))).containsEntry("LANGUAGE", "es")
                .containsEntry("NOTIFY_BY", "BOTH");
    }

    @Test
    void withoutTheFieldTheHeaderChoosesAndWithoutEitherTheCitysDefault() {
        String chinese = submitWithHeader("da, zh-CN;q=0.8, en;q=0.5");
        String unknown = submitWithHeader("da, fr;q=0.8");

        assertThat(preferences(chinese)).containsEntry("LANGUAGE", "zh").containsEntry("NOTIFY_BY", "EMAIL");
        assertThat(preferences(unknown)).containsEntry("LANGUAGE", "en");
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void anUnknownLanguageOrChannelIsAnOpen311ErrorAndNothingIsStored(String format) {
        long before = db.sql("SELECT COUNT(*) FROM service_request").query(Long.class).single();

        Open311Client.Answer answer = api.post(V2 + "/requests." + format, pothole().add("language", "xx-YY")
                .add("notify", "fax"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errors()).containsExactlyInAnyOrder(
                "language 'xx-YY' is not offered; notices are written in en, es, zh.",
                "notify must be one of email, sms, both or none.");
        assertThat(db.sql("SELECT COUNT(*) FROM service_request").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aTextWithNoSmsProviderIsRecordedAsUnsendableForStaffNeverDropped() {
        String id = submit(pothole().without("email").add("notify", "sms"));

        await().untilAsserted(() -> assertThat(db.sql("""
                        SELECT n.status, n.last_error, n.channel FROM notification n
                        JOIN service_request r ON r.id = n.request_id WHERE r.tracking_number = :id""")
                .param("id", id).query().singleRow())
                .containsEntry("STATUS", "UNSENDABLE").containsEntry("CHANNEL", "SMS")
                .containsEntry("LAST_ERROR", "No SMS provider is set up: the text cannot be sent."));
    }

    private String submitWithHeader(String acceptLanguage) {
        Open311Client.Answer answer = api.post(V2 + "/requests.json", pothole(), "Accept-Language", acceptLanguage);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get(0).get("service_request_id").asText();
    }

    private static String trackingNumberIn(Open311Client.Answer answer, String format) {
        return format.equals("json") ? answer.json().get(0).get("service_request_id").asText()
                : answer.body().replaceAll("(?s).*<service_request_id>([^<]+)</service_request_id>.*", "$1");
    }

    private Map<String, Object> preferences(String id) {
        return db.sql("SELECT language, notify_by FROM service_request WHERE tracking_number = :id").param("id", id)
                .query().singleRow();
    }
}
