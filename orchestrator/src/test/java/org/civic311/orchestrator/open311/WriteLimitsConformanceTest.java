package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes are limited per client address and per api_key (the kiosk's key: 2 an hour per address, 4 an hour in
 * all). Addresses come through a reverse proxy, in X-Forwarded-For. The kiosk's buckets live in a context of
 * this class's own, closed after it, so that a rerun starts with full buckets and no other class spends them.
 */
@TestPropertySource(properties = {
    "civic311.open311.api-keys.conformance-kiosk-key=kiosk",
    "civic311.open311.rate-limits.keys.conformance-kiosk-key.per-key.capacity=4",
    "civic311.open311.rate-limits.keys.conformance-kiosk-key.per-key.period=1h",
    "civic311.open311.rate-limits.keys.conformance-kiosk-key.per-address.capacity=2",
    "civic311.open311.rate-limits.keys.conformance-kiosk-key.per-address.period=1h",
})
@DirtiesContext
class WriteLimitsConformanceTest extends Open311ConformanceTest {

    private static final String KIOSK_KEY = "conformance-kiosk-key";

    @Test
    void writesOverALimitAreRefusedWith429AndRetryAfterInTheSpecsShapeAndNothingIsStored() {
        String existing = submit(pothole());
        Open311Client.Form report = pothole().set("api_key", KIOSK_KEY);
        long before = storedRequests();

        Open311Client.Answer first = api.post(V2 + "/requests.json", report, from("198.51.100.1"));
        Open311Client.Answer second = api.post(V2 + "/requests.xml", report, from("198.51.100.1"));
        Open311Client.Answer third = api.post(V2 + "/requests.json", report, from("198.51.100.1"));
        Open311Client.Answer thirdInXml = api.post(V2 + "/requests.xml", report, from("198.51.100.1"));
        Open311Client.Answer comment = api.post(V2 + "/servicerequestupdates.json",
                RequestUpdatesConformanceTest.comment(existing, "kiosk-1", "Still there.").set("api_key", KIOSK_KEY),
                from("198.51.100.1"));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.errors()).singleElement().asString()
                .matches("Too many writes from your address; try again in \\d+ seconds\\.");
        assertThat(Long.parseLong(third.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(third.json().get(0).get("code").asInt()).isEqualTo(429);
        assertThat(thirdInXml.status()).isEqualTo(429);
        assertThat(thirdInXml.errors()).singleElement().asString().startsWith("Too many writes from your address");
        assertThat(thirdInXml.header("Retry-After")).isNotNull();
        assertThat(comment.status()).as("a comment is a write too").isEqualTo(429);
        assertThat(storedRequests()).isEqualTo(before + 2);

        Open311Client.Answer otherAddress = api.post(V2 + "/requests.json", report, from("198.51.100.2"));
        Open311Client.Answer otherAddressAgain = api.post(V2 + "/requests.json", report, from("198.51.100.2"));
        Open311Client.Answer keySpent = api.post(V2 + "/requests.json", report, from("198.51.100.3"));

        assertThat(otherAddress.status()).isEqualTo(200);
        assertThat(otherAddressAgain.status()).isEqualTo(200);
        assertThat(keySpent.status()).isEqualTo(429);
        assertThat(keySpent.errors()).singleElement().asString()
                .matches("Too many writes with this api_key; try again in \\d+ seconds\\.");
        assertThat(storedRequests()).isEqualTo(before + 4);

        JsonNode read = api.get(V2 + "/requests/" + existing + ".json").json();
        assertThat(read.size()).as("reads are not limited").isEqualTo(1);
        assertThat(api.post(V2 + "/requests.json", pothole(), from("198.51.100.1")).status())
                .as("another client's key from the same address").isEqualTo(200);
    }

    private static String[] from(String address) {
        return new String[] {"X-Forwarded-For", address};
    }
}
