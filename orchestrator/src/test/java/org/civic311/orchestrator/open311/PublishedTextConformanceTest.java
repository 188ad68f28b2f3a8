package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Text that is stored, and shown on city websites or mailed, carries no markup: every free-text field is read as
 * a browser would read it, and refused when it holds a tag, a comment or a character reference. Plain text with
 * {@code <} or {@code &} is taken as it is.
 */
class PublishedTextConformanceTest extends Open311ConformanceTest {

    private static final String SVG = "<svg/onload=alert(1)>";
    private static final String IMG = "Look: <img/src=x onerror=alert(document.cookie)>";

    @BeforeEach
    void abandonedBoat() {
        deployAbandonedBoat();
    }

    static Stream<Arguments> markup() {
        return Stream.of("description", "address_string", "address_id", "first_name", "last_name", "email",
                        "zipcode", "device_id", "account_id")
                .flatMap(field -> Stream.of(Arguments.of(field, SVG), Arguments.of(field, IMG),
                        Arguments.of(field, "a &lt;b&gt; c"), Arguments.of(field, "Bob<!-- x -->")));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("markup")
    void markupInAnyTextOfAReportIsRefusedNamingTheFieldAndNothingIsStored(String field, String value) {
        String shortEnough = field.equals("zipcode") ? value.substring(0, Math.min(16, value.length())) : value;
        long before = storedRequests();

        Open311Client.Answer json = api.post(V2 + "/requests.json", pothole().set(field, shortEnough));
        Open311Client.Answer xml = api.post(V2 + "/requests.xml", pothole().set(field, shortEnough));

        assertThat(json.status()).as(json.body()).isEqualTo(400);
        assertThat(json.errors()).contains(field + " may not contain HTML.");
        assertThat(xml.status()).isEqualTo(400);
        assertThat(xml.errors()).contains(field + " may not contain HTML.");
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void markupInATextAnswerOrAResidentsCommentIsRefusedToo() {
        String id = submit(pothole());
        long before = storedRequests();

        Open311Client.Answer answer = api.post(V2 + "/requests.json", vehicle().set("attribute[details]", IMG));
        Open311Client.Answer comment = api.post(V2 + "/servicerequestupdates.json",
                RequestUpdatesConformanceTest.comment(id, "markup-1", "Agreed " + SVG));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errors()).containsExactly("attribute[details] may not contain HTML.");
        assertThat(comment.status()).isEqualTo(400);
        assertThat(comment.errors()).containsExactly("description may not contain HTML.");
        assertThat(storedRequests()).isEqualTo(before);
        assertThat(request(id, "?extensions=true").get("notes").findValuesAsText("type")).doesNotContain("comment");
    }

    @Test
    void plainTextWithLessThanAndAmpersandIsTakenAndPublishedAsItIs() {
        String id = submit(pothole().set("description", "The hole's depth < 5 cm & growing, 3<4 weeks old")
                .set("address_string", "Smith & Sons, 5 < 7 Main St").set("first_name", "Jo & Al")
                .set("last_name", "O'Brien <3"));
        String vehicle = submit(vehicle().set("attribute[details]", "Parked < 1 m from the hydrant & leaking"));
        Open311Client.Answer comment = api.post(V2 + "/servicerequestupdates.json",
                RequestUpdatesConformanceTest.comment(id, "plain-1", "Now depth > 5 cm & wider"));

        JsonNode published = request(id, "?extensions=true");
        assertThat(published.get("description").asText()).isEqualTo("The hole's depth < 5 cm & growing, 3<4 weeks old");
        assertThat(published.get("address").asText()).isEqualTo("Smith & Sons, 5 < 7 Main St");
        assertThat(comment.status()).as(comment.body()).isEqualTo(200);
        assertThat(published.get("notes").findValuesAsText("description")).contains("Now depth > 5 cm & wider");
        assertThat(db.sql("SELECT attr_value FROM request_attribute a JOIN service_request r ON r.id = a.request_id "
                        + "WHERE r.tracking_number = :id AND a.code = 'details'").param("id", vehicle)
                .query(String.class).single()).isEqualTo("Parked < 1 m from the hydrant & leaking");
    }

    private static Open311Client.Form vehicle() {
        return Open311Client.Form.of("api_key", WEB_KEY, "service_code", "abandoned_boat",
                "address_string", "500 W Madison St", "attribute[plate]", "ABC 1234", "attribute[blocking]", "false");
    }
}
