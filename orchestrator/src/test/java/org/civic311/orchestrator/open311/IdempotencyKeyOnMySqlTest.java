package org.civic311.orchestrator.open311;

import org.civic311.orchestrator.MySqlTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link IdempotencyKeyConformanceTest} on MySQL, the production database, whose unique-key locking is what
 * makes concurrent retries wait for the first submission.
 */
class IdempotencyKeyOnMySqlTest extends IdempotencyKeyConformanceTest {

    static final MySqlTestDatabase DATABASE = MySqlTestDatabase.create("civic311_idempotency");

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        DATABASE.use(registry);
    }

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }
}
