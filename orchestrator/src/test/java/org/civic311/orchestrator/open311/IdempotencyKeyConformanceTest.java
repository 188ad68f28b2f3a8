package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import org.civic311.orchestrator.request.UtcColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Idempotency-Key extension of POST requests: a client retrying after a timeout makes no second request. */
class IdempotencyKeyConformanceTest extends Open311ConformanceTest {

    @Test
    void theSameKeyAgainAnswersTheFirstRequestInEitherFormatAndStoresNothingNew() {
        String key = UUID.randomUUID().toString();
        long before = storedRequests();

        Open311Client.Answer first = api.post(V2 + "/requests.json", pothole(), "Idempotency-Key", key);
        Open311Client.Answer retried = api.post(V2 + "/requests.json", pothole(), "Idempotency-Key", key);
        Open311Client.Answer retriedInXml = api.post(V2 + "/requests.xml", pothole(), "Idempotency-Key", "\"" + key + "\"");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json()).isEqualTo(first.json());
        assertThat(Open311Client.text(Open311Client.children(retriedInXml.xml()).get(0), "service_request_id"))
                .isEqualTo(first.json().get(0).get("service_request_id").asText());
        assertThat(storedRequests()).isEqualTo(before + 1);
        assertThat(submit(pothole())).as("without a key, every POST is a new request")
                .isNotEqualTo(first.json().get(0).get("service_request_id").asText());
    }

    @Test
    void theSameKeyWithAnotherReportIsRefusedAndStoresNothing() {
        String key = UUID.randomUUID().toString();
        api.post(V2 + "/requests.json", pothole(), "Idempotency-Key", key);
        long before = storedRequests();

        Open311Client.Answer other = api.post(V2 + "/requests.xml", pothole().set("description", "Another hole"),
                "Idempotency-Key", key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.errors()).containsExactly("Idempotency-Key '" + key
                + "' was already used for a different request. Send a new key with a new request.");
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void aKeyBelongsToItsClientAndExpiresAfterADay() {
        String key = UUID.randomUUID().toString();
        String web = api.post(V2 + "/requests.json", pothole(), "Idempotency-Key", key).json().get(0)
                .get("service_request_id").asText();
        String phone = api.post(V2 + "/requests.json", pothole().set("api_key", PHONE_KEY), "Idempotency-Key", key)
                .json().get(0).get("service_request_id").asText();
        assertThat(phone).as("another client's key of the same name").isNotEqualTo(web);

        db.sql("UPDATE submission_key SET created_at = :then WHERE idempotency_key = :key")
                .param("then", UtcColumns.toColumn(Instant.now().minus(25, ChronoUnit.HOURS))).param("key", key).update();
        String afterADay = api.post(V2 + "/requests.json", pothole(), "Idempotency-Key", key).json().get(0)
                .get("service_request_id").asText();

        assertThat(afterADay).isNotEqualTo(web);
    }

    @Test
    void concurrentRetriesWithOneKeyMakeOneRequest() {
        String key = UUID.randomUUID().toString();
        long before = storedRequests();
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<Open311Client.Answer>> posts = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new Open311Client(port).post(V2 + "/requests.json", pothole(), "Idempotency-Key", key);
                })).toList();
        start.countDown();
        List<Open311Client.Answer> answers = posts.stream().map(CompletableFuture::join).toList();

        assertThat(storedRequests()).isEqualTo(before + 1);
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(200));
        assertThat(answers).extracting(a -> a.json().get(0).get("service_request_id").asText()).containsOnly(
                answers.get(0).json().get(0).get("service_request_id").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "\"\"", "tab\tinside"})
    void aKeyMustBeVisibleAsciiOfAtMost255Characters(String key) {
        long before = storedRequests();

        Open311Client.Answer answer = api.post(V2 + "/requests.json", pothole(), "Idempotency-Key", key);
        Open311Client.Answer tooLong = api.post(V2 + "/requests.json", pothole(), "Idempotency-Key", "k".repeat(256));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errors()).containsExactly("Idempotency-Key must be 1 to 255 visible ASCII characters.");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(storedRequests()).isEqualTo(before);
    }
}
