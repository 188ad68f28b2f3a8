package org.civic311.orchestrator;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The escalation loop on MySQL, the production database: timers, tasks and notes in a fresh database. */
class EscalationLoopOnMySqlTest extends EscalationLoopTest {

    static final MySqlTestDatabase DATABASE = MySqlTestDatabase.create("civic311_escalation");

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        DATABASE.use(registry);
    }

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }
}
