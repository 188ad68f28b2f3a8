package org.civic311.orchestrator.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Expired Idempotency-Keys are deleted for every client, also one that stopped sending; live ones are kept. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("conformance")
class SubmissionKeysTest {

    @Autowired
    SubmissionKeys keys;
    @Autowired
    JdbcClient db;

    @Test
    void theCleanUpDeletesEveryClientsExpiredKeysAndKeepsLiveOnes() {
        Instant now = Instant.now();
        String quiet = client();
        String busy = client();
        keys.claim(new SubmissionKey(quiet, "last-report", digest()), now.minus(Duration.ofHours(25)));
        keys.claim(new SubmissionKey(busy, "recent-report", digest()), now.minus(Duration.ofHours(1)));

        keys.deleteExpired(now);

        assertThat(keysOf(quiet)).as("a client that stopped sending").isZero();
        assertThat(keysOf(busy)).as("a key within its lifetime").isOne();
    }

    @Test
    void anExpiredKeyIsFreeForANewSubmissionBeforeTheCleanUp() {
        Instant now = Instant.now();
        String client = client();
        SubmissionKey second = new SubmissionKey(client, "reused", digest());
        keys.claim(new SubmissionKey(client, "reused", digest()), now.minus(Duration.ofHours(25)));

        assertThat(keys.claim(second, now)).isEmpty();
        assertThat(keys.claim(second, now)).as("now the second submission's").isPresent();
    }

    private long keysOf(String client) {
        return db.sql("SELECT COUNT(*) FROM submission_key WHERE client_key = :client").param("client", client)
                .query(Long.class).single();
    }

    /** A digest of a client's api_key, as the API keeps it. */
    private static String client() {
        return digest();
    }

    /** 64 hexadecimal digits, as SHA-256 gives them. */
    private static String digest() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }
}
