package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Personal data never leaves through a public read, in either format. */
class PrivacyConformanceTest extends Open311ConformanceTest {

    static final List<String> PERSONAL_VALUES = List.of("jane.resident@example.org", "Jane", "Resident",
            "312-555-0100", "device-7f3a", "account-4411", "commenter@example.org", "Carl", "Commenter",
            "seeded.resident@example.org", "312-555-0199");
    static final List<String> PERSONAL_FIELDS = List.of("email", "phone", "first_name", "last_name", "device_id",
            "account_id");

    @Test
    void noPublicAnswerShowsWhoReportedOrCommented() {
        String id = submit(pothole());
        assertThat(api.post(V2 + "/servicerequestupdates.json", RequestUpdatesConformanceTest.comment(id, "c1", "Thanks!"))
                .status()).isEqualTo(200);

        for (String format : List.of("json", "xml")) {
            for (String read : List.of("/requests/" + id + ".", "/tokens/" + id + ".")) {
                assertPublic(V2 + read + format);
            }
            assertPublic(V2 + "/requests/" + id + "." + format + "?extensions=true");
            assertPublic(V2 + "/requests." + format + "?extensions=true");
            assertPublic(V2 + "/requests." + format + "?extensions=true&service_request_id=" + id);
            assertPublic(V2 + "/servicerequestupdates." + format);
        }
    }

    void assertPublic(String path) {
        Open311Client.Answer answer = api.get(path);
        assertThat(answer.status()).as(path).isEqualTo(200);
        assertThat(answer.body()).as(path).contains("SR-");
        for (String value : PERSONAL_VALUES) {
            assertThat(answer.body()).as(path).doesNotContain(value);
        }
        for (String field : PERSONAL_FIELDS) {
            assertThat(answer.body()).as(path).doesNotContain("\"" + field + "\":").doesNotContain("<" + field + ">");
        }
    }
}
