package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.orchestrator.open311.Open311Client.children;
import static org.civic311.orchestrator.open311.Open311Client.names;
import static org.civic311.orchestrator.open311.Open311Client.text;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;

/** GET requests with every filter and default, GET requests/{id} and GET tokens/{token}, in both formats. */
class RequestSearchConformanceTest extends Open311ConformanceTest {

    static final Duration DAY = Duration.ofDays(1);

    @Test
    void byDefaultTheLast90DaysAreListedNewestFirst() {
        String code = code("window");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String yesterday = seed(code, "OPEN", now.minus(DAY), now);
        String old = seed(code, "CLOSED", now.minus(DAY.multipliedBy(89)), now);
        seed(code, "OPEN", now.minus(DAY.multipliedBy(91)), now);

        assertThat(ids("?service_code=" + code)).containsExactly(yesterday, old);

        JsonNode everything = api.get(V2 + "/requests.json").json();
        assertThat(everything.size()).isLessThanOrEqualTo(1000);
        List<OffsetDateTime> requested = new ArrayList<>();
        everything.forEach(r -> requested.add(OffsetDateTime.parse(r.get("requested_datetime").asText())));
        assertThat(requested).allMatch(t -> t.toInstant().isAfter(now.minus(DAY.multipliedBy(90)).minusSeconds(60)));
        assertThat(requested).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void byDefaultAtMost1000AreListed() {
        String code = code("volume");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String oldest = seed(code, "OPEN", now.minusSeconds(5000), now);
        for (int i = 0; i < 1000; i++) {
            seed(code, "OPEN", now.minusSeconds(4000 - i), now);
        }

        List<String> listed = ids("?service_code=" + code);

        assertThat(listed).hasSize(1000).doesNotContain(oldest);
        assertThat(api.get(V2 + "/requests.xml?service_code=" + code).xml().getChildNodes().getLength()).isEqualTo(1000);
    }

    @Test
    void serviceRequestIdOverridesEveryOtherArgument() {
        String code = code("ids");
        Instant longAgo = Instant.now().minus(DAY.multipliedBy(400));
        String first = seed(code, "OPEN", longAgo, longAgo);
        String second = seed(code, "CLOSED", longAgo.plusSeconds(60), longAgo);
        seed(code, "OPEN", longAgo, longAgo);

        assertThat(ids("?service_request_id=" + first + "," + second + ",SR-1999-000001"
                + "&status=closed&service_code=other&start_date=not-a-date&page_size=0"))
                .containsExactly(second, first);
        assertThat(ids("?service_request_id=" + first + "&service_request_id=" + second)).containsExactly(second, first);
    }

    @Test
    void aThousandIdsFitInOneCallAndNoMore() {
        String code = code("thousand");
        Instant now = Instant.now();
        List<String> thousand = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            thousand.add(seed(code, "OPEN", now.minusSeconds(i), now));
        }

        Open311Client.Answer all = api.get(V2 + "/requests.json?service_request_id=" + String.join(",", thousand));
        Open311Client.Answer tooMany = api.get(V2 + "/requests.xml?service_request_id=" + String.join(",", thousand)
                + ",SR-1999-000001");

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().findValuesAsText("service_request_id")).containsExactlyElementsOf(thousand);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.errors()).containsExactly("service_request_id may name at most 1000 requests.");
    }

    @Test
    void serviceCodeTakesACommaList() {
        Instant now = Instant.now();
        String a = code("a");
        String b = code("b");
        String c = code("c");
        String ofA = seed(a, "OPEN", now.minusSeconds(30), now);
        String ofB = seed(b, "OPEN", now.minusSeconds(20), now);
        seed(c, "OPEN", now.minusSeconds(10), now);

        assertThat(ids("?service_code=" + a + "," + b)).containsExactly(ofB, ofA);
        assertThat(ids("?service_code=" + a + "&service_code=" + b)).containsExactly(ofB, ofA);
        assertThat(ids("?service_code=" + a)).containsExactly(ofA);
    }

    @Test
    void statusIsOpenOrClosedOrBoth() {
        String code = code("status");
        Instant now = Instant.now();
        String open = seed(code, "OPEN", now.minusSeconds(20), now);
        String closed = seed(code, "CLOSED", now.minusSeconds(10), now);

        assertThat(ids("?service_code=" + code + "&status=open")).containsExactly(open);
        assertThat(ids("?service_code=" + code + "&status=closed")).containsExactly(closed);
        assertThat(ids("?service_code=" + code + "&status=open,closed")).containsExactly(closed, open);
        assertThat(ids("?service_code=" + code + "&status=CLOSED")).containsExactly(closed);
        assertThat(ids("?service_code=" + code + "&status=")).containsExactly(closed, open);
        assertThat(api.get(V2 + "/requests.json?status=pending").errors())
                .containsExactly("status must be open, closed, or both: open,closed.");
    }

    @Test
    void startAndEndDateBoundTheRequestedTimeWithAnyOffset() {
        String code = code("dates");
        Instant base = Instant.parse("2026-03-10T12:00:00Z");
        String before = seed(code, "OPEN", base.minusSeconds(1), base);
        String atStart = seed(code, "OPEN", base, base);
        String atEnd = seed(code, "OPEN", base.plus(DAY.multipliedBy(30)), base);
        String after = seed(code, "OPEN", base.plus(DAY.multipliedBy(30)).plusSeconds(1), base);
        String q = "?service_code=" + code;

        assertThat(ids(q + "&start_date=2026-03-10T12:00:00Z&end_date=2026-04-09T12:00:00Z")).containsExactly(atEnd, atStart);
        assertThat(ids(q + "&start_date=" + enc("2026-03-10T07:00:00-05:00") + "&end_date=" + enc("2026-04-09T14:00:00+02:00")))
                .containsExactly(atEnd, atStart);
        // An unencoded '+' arrives as a space; it is read as the '+' it was meant to be.
        assertThat(ids(q + "&start_date=2026-03-10T13:00:00+01:00&end_date=2026-04-09T12:00:00Z")).containsExactly(atEnd, atStart);
        assertThat(ids(q + "&start_date=2026-03-01&end_date=2026-03-31")).containsExactly(atStart, before);
        // One end alone: a window of 90 days from it.
        assertThat(ids(q + "&start_date=2026-03-10T12:00:00Z")).containsExactly(after, atEnd, atStart);
        assertThat(ids(q + "&end_date=2026-03-10T12:00:00Z")).containsExactly(atStart, before);
        assertThat(ids(q + "&start_date=2025-01-01T00:00:00Z")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z | start_date and end_date may not span more than 90 days.",
            "start_date=2026-04-01T00:00:00Z&end_date=2026-03-01T00:00:00Z | end_date is before start_date.",
            "start_date=yesterday | start_date must be a W3C datetime with a time zone, such as 2026-05-01T00:00:00Z.",
            "end_date=2026-13-01T00:00:00Z | end_date must be a W3C datetime with a time zone, such as 2026-05-01T00:00:00Z.",
            "updated_after=2026-01-01T00:00:00Z&updated_before=2026-06-01T00:00:00Z | updated_after and updated_before may not span more than 90 days.",
            "page=0 | page must be a whole number from 1 to 2147483.",
            "page_size=1001 | page_size must be a whole number from 1 to 1000.",
            "page_size=ten | page_size must be a whole number from 1 to 1000.",
            "extensions=yes | extensions must be true or false."})
    void argumentsOutsideTheSpecsLimitsAreRefused(String query, String error) {
        Open311Client.Answer json = api.get(V2 + "/requests.json?" + query);
        Open311Client.Answer xml = api.get(V2 + "/requests.xml?" + query);

        assertThat(json.status()).isEqualTo(400);
        assertThat(json.errors()).containsExactly(error);
        assertThat(xml.status()).isEqualTo(400);
        assertThat(xml.errors()).containsExactly(error);
    }

    @Test
    void pagesFollowEachOtherWithoutOverlap() {
        String code = code("pages");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            newestFirst.add(0, seed(code, "OPEN", now.minusSeconds(100), now));
        }
        String q = "?service_code=" + code + "&page_size=2";

        assertThat(ids(q)).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(ids(q + "&page=2")).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(ids(q + "&page=3")).containsExactlyElementsOf(newestFirst.subList(4, 5));
        assertThat(ids(q + "&page=4")).isEmpty();
    }

    @Test
    void updatedAfterAndBeforeFindOldRequestsThatChangedLately() {
        String code = code("updated");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String oldButTouched = seed(code, "CLOSED", now.minus(DAY.multipliedBy(300)), now.minus(DAY));
        seed(code, "OPEN", now.minus(DAY.multipliedBy(300)), now.minus(DAY.multipliedBy(200)));
        String recent = seed(code, "OPEN", now.minus(DAY.multipliedBy(3)), now.minus(DAY.multipliedBy(2)));
        String q = "?service_code=" + code;

        assertThat(ids(q + "&updated_after=" + w3c(now.minus(DAY.multipliedBy(5))))).containsExactly(recent, oldButTouched);
        assertThat(ids(q + "&updated_after=" + w3c(now.minus(DAY.multipliedBy(5)))
                + "&updated_before=" + w3c(now.minus(DAY.multipliedBy(2))))).containsExactly(recent);
        assertThat(ids(q + "&updated_after=" + w3c(now.minus(DAY.multipliedBy(5))) + "&status=closed"))
                .containsExactly(oldButTouched);
    }

    @Test
    void extensionsAddEachRequestsHistoryAndChannel() {
        String id = submit(pothole());

        JsonNode plain = request(id, "");
        assertThat(plain.has("notes")).isFalse();
        assertThat(plain.has("extended_attributes")).isFalse();

        JsonNode extended = request(id, "?extensions=true");
        JsonNode notes = extended.get("notes");
        assertThat(notes.findValuesAsText("type")).containsExactly("submitted", "routed");
        assertThat(notes.get(0).get("description").asText()).isEqualTo("Request received through web.");
        assertThat(notes.get(1).get("description").asText()).contains("Streets Department");
        notes.forEach(n -> assertThat(n.get("datetime").asText()).matches(W3C_CHICAGO));
        assertThat(extended.get("extended_attributes").get("channel").asText()).isEqualTo("web");
        JsonNode listed = api.get(V2 + "/requests.json?extensions=true&service_request_id=" + id).json().get(0);
        assertThat(listed).isEqualTo(extended);

        Element xml = children(api.get(V2 + "/requests/" + id + ".xml?extensions=true").xml()).get(0);
        assertThat(names(xml)).endsWith("notes", "extended_attributes");
        Element note = children(Open311Client.child(xml, "notes")).get(0);
        assertThat(note.getTagName()).isEqualTo("note");
        assertThat(names(note)).containsExactly("datetime", "description", "type");
        assertThat(text(Open311Client.child(xml, "extended_attributes"), "channel")).isEqualTo("web");
        SparkConvention.assertSameContent(api.get(V2 + "/requests/" + id + ".json?extensions=true"),
                api.get(V2 + "/requests/" + id + ".xml?extensions=true"));
    }

    @Test
    void aRequestHasEveryFieldOfTheSpecInItsOrderAndShape() {
        String id = submit(pothole().add("zipcode", "60602").add("media_url", "https://photos.example.org/1.jpg"));

        JsonNode request = request(id, "");
        assertThat(request.get("service_request_id").asText()).isEqualTo(id);
        assertThat(request.get("status").asText()).isEqualTo("open");
        assertThat(request.get("status_notes").asText()).as("the latest step").contains("Streets Department");
        assertThat(request.get("service_name").asText()).isEqualTo("Pothole");
        assertThat(request.get("service_code").asText()).isEqualTo("pothole");
        assertThat(request.get("description").asText()).isEqualTo("Deep pothole in the bike lane");
        assertThat(request.get("agency_responsible").asText()).isEqualTo("Streets Department");
        assertThat(request.get("service_notice").asText()).contains("Streets Department");
        assertThat(request.get("requested_datetime").asText()).matches(W3C_CHICAGO);
        assertThat(request.get("updated_datetime").asText()).matches(W3C_CHICAGO);
        assertThat(request.get("expected_datetime").asText()).matches(W3C_CHICAGO);
        assertThat(OffsetDateTime.parse(request.get("expected_datetime").asText()))
                .isAfter(OffsetDateTime.parse(request.get("requested_datetime").asText()));
        assertThat(request.get("address").asText()).isEqualTo("121 N LaSalle St, Chicago");
        assertThat(request.get("zipcode").asText()).isEqualTo("60602");
        assertThat(request.get("lat").isNumber()).isTrue();
        assertThat(request.get("lat").asDouble()).isEqualTo(41.8837);
        assertThat(request.get("long").asDouble()).isEqualTo(-87.6324);
        assertThat(request.get("media_url").asText()).isEqualTo("https://photos.example.org/1.jpg");

        Element root = api.get(V2 + "/requests/" + id + ".xml").xml();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        assertThat(names(root)).containsExactly("request");
        assertThat(names(children(root).get(0))).containsExactly("service_request_id", "status", "status_notes",
                "service_name", "service_code", "description", "agency_responsible", "service_notice",
                "requested_datetime", "updated_datetime", "expected_datetime", "address", "zipcode", "lat", "long",
                "media_url");
        SparkConvention.assertSameContent(api.get(V2 + "/requests/" + id + ".json"), api.get(V2 + "/requests/" + id + ".xml"));
        SparkConvention.assertSameContent(api.get(V2 + "/requests.json?service_request_id=" + id),
                api.get(V2 + "/requests.xml?service_request_id=" + id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void anUnknownRequestOrTokenIsNotFound(String format) {
        Open311Client.Answer request = api.get(V2 + "/requests/SR-1999-000001." + format);
        Open311Client.Answer token = api.get(V2 + "/tokens/SR-1999-000001." + format);

        assertThat(request.status()).isEqualTo(404);
        assertThat(request.errors()).containsExactly("No service request SR-1999-000001.");
        assertThat(token.status()).isEqualTo(404);
        assertThat(token.errors()).containsExactly("No token SR-1999-000001.");
        assertThat(api.get(V2 + "/requests." + format + "?service_request_id=SR-1999-000001").status()).isEqualTo(200);
    }

    @Test
    void aRequestsTrackingNumberServesAsItsToken() {
        String id = submit(pothole());

        JsonNode token = api.get(V2 + "/tokens/" + id + ".json").json();
        assertThat(token.size()).isEqualTo(1);
        assertThat(token.get(0).get("service_request_id").asText()).isEqualTo(id);
        assertThat(token.get(0).get("token").asText()).isEqualTo(id);
        Element xml = api.get(V2 + "/tokens/" + id + ".xml").xml();
        assertThat(xml.getTagName()).isEqualTo("service_requests");
        assertThat(names(children(xml).get(0))).containsExactly("service_request_id", "token");
    }

    List<String> ids(String query) {
        Open311Client.Answer json = api.get(V2 + "/requests.json" + query);
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        List<String> ids = json.json().findValuesAsText("service_request_id");
        Element xml = api.get(V2 + "/requests.xml" + query).xml();
        assertThat(xml.getTagName()).isEqualTo("service_requests");
        assertThat(children(xml).stream().map(r -> text(r, "service_request_id")).toList())
                .as("the same in XML").isEqualTo(ids);
        return ids;
    }

    static String w3c(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toString();
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
