package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.orchestrator.open311.Open311Client.children;
import static org.civic311.orchestrator.open311.Open311Client.names;
import static org.civic311.orchestrator.open311.Open311Client.text;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;

/** POST requests: what is taken in, what is refused and how, in both formats. */
class SubmitRequestConformanceTest extends Open311ConformanceTest {

    @BeforeEach
    void abandonedBoat() {
        deployAbandonedBoat();
    }

    @Test
    void aReportIsAnsweredAtOnceWithItsIdWhatHappensNextAndTheAccountGiven() {
        Open311Client.Answer answer = api.post(V2 + "/requests.json", pothole());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode receipt = answer.json();
        assertThat(receipt.isArray()).isTrue();
        assertThat(receipt.size()).isEqualTo(1);
        assertThat(receipt.get(0).get("service_request_id").isTextual()).isTrue();
        assertThat(receipt.get(0).get("service_request_id").asText()).matches("SR-\\d{4}-\\d{6}");
        assertThat(receipt.get(0).get("service_notice").asText()).contains("Streets Department");
        assertThat(receipt.get(0).get("account_id").asText()).isEqualTo("account-4411");
        assertThat(receipt.get(0).has("token")).as("realtime: an id, never a token").isFalse();
    }

    @Test
    void theXmlAnswerIsAServiceRequestsList() {
        Open311Client.Answer answer = api.post(V2 + "/requests.xml", pothole().without("account_id"));

        assertThat(answer.status()).isEqualTo(200);
        Element root = answer.xml();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        assertThat(names(root)).containsExactly("request");
        Element request = children(root).get(0);
        assertThat(names(request)).containsExactly("service_request_id", "service_notice");
        assertThat(text(request, "service_request_id")).matches("SR-\\d{4}-\\d{6}");
        assertThat(request(text(request, "service_request_id"), "").get("status").asText()).isEqualTo("open");
    }

    @Test
    void theKeyNamesTheIntakeChannelRecordedOnTheRequest() {
        String fromWeb = submit(pothole());
        String fromPhone = submit(pothole().set("api_key", PHONE_KEY));

        assertThat(request(fromWeb, "?extensions=true").get("extended_attributes").get("channel").asText()).isEqualTo("web");
        assertThat(request(fromPhone, "?extensions=true").get("extended_attributes").get("channel").asText()).isEqualTo("phone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void withoutAValidKeyNothingIsTaken(String format) {
        long before = storedRequests();

        Open311Client.Answer noKey = api.post(V2 + "/requests." + format, pothole().without("api_key"));
        Open311Client.Answer wrongKey = api.post(V2 + "/requests." + format, pothole().set("api_key", "guessed"));
        Open311Client.Answer keyInvalidFormToo = api.post(V2 + "/requests." + format,
                Open311Client.Form.of("api_key", "guessed", "service_code", "pothole"));

        assertThat(noKey.status()).isEqualTo(403);
        assertThat(noKey.errors()).containsExactly("api_key is required.");
        assertThat(wrongKey.status()).isEqualTo(403);
        assertThat(wrongKey.errors()).containsExactly("api_key is not valid.");
        assertThat(keyInvalidFormToo.status()).isEqualTo(403);
        assertThat(storedRequests()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lat/long", "address_string", "address_id"})
    void anyOneOfTheThreeLocationFormsWillDo(String location) {
        Open311Client.Form form = pothole().without("lat").without("long").without("address_string");
        switch (location) {
            case "lat/long" -> form.add("lat", "-33.8688").add("long", "151.2093");
            case "address_string" -> form.add("address_string", "Corner of State and Madison");
            default -> form.add("address_id", "#NOTPINPOINTED#");
        }

        JsonNode stored = request(submit(form), "");

        assertThat(stored.get("status").asText()).isEqualTo("open");
        if (location.equals("lat/long")) {
            assertThat(stored.get("lat").asDouble()).isEqualTo(-33.8688);
            assertThat(stored.get("long").asDouble()).isEqualTo(151.2093);
        }
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of(pothole().without("service_code"), "service_code is required."),
                Arguments.of(pothole().set("service_code", " "), "service_code is required."),
                Arguments.of(pothole().without("lat").without("long").without("address_string"),
                        "A location is required: lat and long, address_string, or address_id."),
                Arguments.of(pothole().set("lat", "").set("long", "").set("address_string", ""),
                        "A location is required: lat and long, address_string, or address_id."),
                Arguments.of(pothole().without("long"), "lat and long must be given together."),
                Arguments.of(pothole().set("lat", "90.5"), "lat must be a number from -90 to 90."),
                Arguments.of(pothole().set("long", "-180.01"), "long must be a number from -180 to 180."),
                Arguments.of(pothole().set("lat", "NaN"), "lat must be a number from -90 to 90."),
                Arguments.of(pothole().set("long", "east"), "long must be a number from -180 to 180."),
                Arguments.of(pothole().set("description", "x".repeat(4001)), "description may be at most 4000 characters."),
                Arguments.of(pothole().set("description", "Look <script>alert(1)</script>"), "description may not contain HTML."),
                Arguments.of(pothole().set("description", "A <b>big</b> hole"), "description may not contain HTML."),
                Arguments.of(pothole().set("email", "jane at example dot org"), "email is not a valid email address."),
                Arguments.of(pothole().set("phone", "call me maybe"), "phone is not a valid phone number."),
                Arguments.of(pothole().set("media_url", "javascript:alert(1)"),
                        "media_url must be an http or https URL of at most 2000 characters."),
                Arguments.of(pothole().set("media_url", "not a url"),
                        "media_url must be an http or https URL of at most 2000 characters."),
                Arguments.of(pothole().set("address_string", "x".repeat(501)), "address_string may be at most 500 characters."),
                Arguments.of(pothole().set("first_name", "x".repeat(101)), "first_name may be at most 100 characters."),
                Arguments.of(pothole().set("account_id", "x".repeat(129)), "account_id may be at most 128 characters."),
                Arguments.of(pothole().set("zipcode", "x".repeat(17)), "zipcode may be at most 16 characters."),
                Arguments.of(pothole().without("attribute[hazard]"),
                        "attribute[hazard] is required (Is it a danger to people, bikes or vehicles right now?)."),
                Arguments.of(pothole().set("attribute[hazard]", "maybe"), "attribute[hazard] must be one of yes, no."),
                Arguments.of(pothole().add("attribute[hazard]", "yes"), "attribute[hazard] takes a single value."),
                Arguments.of(pothole().add("attribute[size]", "enormous"),
                        "attribute[size] must be one of small, medium, large."));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void eachMistakeIsRefusedWithTheSpecsErrorAndNothingIsStored(Open311Client.Form form, String error) {
        long before = storedRequests();

        Open311Client.Answer json = api.post(V2 + "/requests.json", form);
        Open311Client.Answer xml = api.post(V2 + "/requests.xml", form);

        assertThat(json.status()).isEqualTo(400);
        assertThat(json.errors()).containsExactly(error);
        assertThat(xml.status()).isEqualTo(400);
        assertThat(xml.errors()).containsExactly(error);
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void severalMistakesComeBackTogether() {
        Open311Client.Form form = pothole().set("email", "nobody").set("lat", "123.4").set("description", "<i>x</i>")
                .without("attribute[hazard]");

        Open311Client.Answer answer = api.post(V2 + "/requests.json", form);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errors()).containsExactlyInAnyOrder("lat must be a number from -90 to 90.",
                "email is not a valid email address.", "description may not contain HTML.",
                "attribute[hazard] is required (Is it a danger to people, bikes or vehicles right now?).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void anUnknownServiceCodeIsNotFound(String format) {
        Open311Client.Answer answer = api.post(V2 + "/requests." + format, pothole().set("service_code", "dragon_sighting"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errors()).containsExactly("service_code 'dragon_sighting' is not offered.");
    }

    @Test
    void descriptionsMayHaveLineBreaksAndFourThousandCharactersAndEmptyArgumentsCountAsMissing() {
        String longest = ("Line one\nline two < three & four > none. " + "x".repeat(4000)).substring(0, 4000);
        String id = submit(pothole().set("description", longest).set("email", "").set("phone", "")
                .set("media_url", "").add("attribute[size]", ""));

        assertThat(request(id, "").get("description").asText()).isEqualTo(longest);
    }

    @Test
    void answersAreCheckedAgainstEachDatatypeOfTheDefinition() {
        Open311Client.Form vehicle = Open311Client.Form.of("api_key", WEB_KEY, "service_code", "abandoned_boat",
                "address_string", "500 W Madison St", "attribute[plate]", "ABC 1234", "attribute[blocking]", "false");
        assertThat(api.post(V2 + "/requests.json", vehicle).status()).isEqualTo(200);
        String everything = submit(Open311Client.Form.of("api_key", WEB_KEY,
                "service_code", "abandoned_boat", "address_string", "500 W Madison St",
                "attribute[plate]", "ABC 1234", "attribute[blocking]", "true", "attribute[days]", "4",
                "attribute[weight]", "1.5", "attribute[last_moved]", "2026-05-01T08:00:00-05:00",
                "attribute[details]", "Flat tires\nno plates on the back", "attribute[colour]", "white",
                "attribute[damage][]", "windows", "attribute[damage][]", "tires",
                "attribute[notice]", "read it", "attribute[not_asked]", "ignored"));
        // What the department is sent: answers to the questions asked, and nothing else.
        assertThat(db.sql("""
                        SELECT a.code || '=' || a.attr_value FROM request_attribute a
                        JOIN service_request r ON r.id = a.request_id WHERE r.tracking_number = :id ORDER BY a.id""")
                .param("id", everything).query(String.class).list()).containsExactlyInAnyOrder(
                "plate=ABC 1234", "blocking=true", "days=4", "weight=1.5", "last_moved=2026-05-01T08:00:00-05:00",
                "details=Flat tires\nno plates on the back", "colour=white", "damage=windows", "damage=tires");

        Open311Client.Answer wrong = api.post(V2 + "/requests.json", Open311Client.Form.of("api_key", WEB_KEY,
                "service_code", "abandoned_boat", "address_string", "500 W Madison St",
                "attribute[plate]", "ABC\n1234", "attribute[days]", "four", "attribute[weight]", "1,5",
                "attribute[last_moved]", "last Tuesday", "attribute[colour]", "mauve",
                "attribute[damage][]", "windows", "attribute[damage][]", "engine"));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errors()).containsExactlyInAnyOrder(
                "attribute[plate] may not contain line breaks.",
                "attribute[days] must be a number.",
                "attribute[weight] must be a number.",
                "attribute[last_moved] must be an ISO 8601 date or date and time, such as 2026-05-01T14:30:00-05:00.",
                "attribute[colour] must be one of white, black, other.",
                "attribute[damage] must be one of windows, tires, body.",
                "attribute[blocking] is required (Is it blocking a driveway or hydrant?).");
    }

    @Test
    void theAnswersReachTheRulesADangerousPotholeIsDueSooner() {
        JsonNode dangerous = request(submit(pothole().set("attribute[hazard]", "yes")), "");
        JsonNode harmless = request(submit(pothole().set("attribute[hazard]", "no").add("attribute[size]", "small")), "");

        assertThat(dangerous.get("expected_datetime").asText()).matches(W3C_CHICAGO);
        assertThat(OffsetDateTime.parse(dangerous.get("expected_datetime").asText()))
                .isBefore(OffsetDateTime.parse(harmless.get("expected_datetime").asText()));
    }

    @Test
    void aMultipartFormWithAPhotoIsTakenToo() {
        String boundary = "fixmystreet-boundary";
        StringBuilder body = new StringBuilder();
        List<String[]> fields = List.of(new String[] {"api_key", WEB_KEY}, new String[] {"service_code", "pothole"},
                new String[] {"lat", "41.88"}, new String[] {"long", "-87.63"}, new String[] {"attribute[hazard]", "no"},
                new String[] {"description", "Sent the way FixMyStreet sends photos"});
        fields.forEach(f -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(f[0]).append("\"\r\n\r\n").append(f[1]).append("\r\n"));
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"photo1\"; filename=\"p.jpg\"")
                .append("\r\nContent-Type: image/jpeg\r\n\r\nJPEGDATA\r\n--").append(boundary).append("--\r\n");

        Open311Client.Answer answer = api.send("POST", V2 + "/requests.xml", "multipart/form-data; boundary=" + boundary,
                body.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(request(text(children(answer.xml()).get(0), "service_request_id"), "").get("description").asText())
                .isEqualTo("Sent the way FixMyStreet sends photos");
    }
}
