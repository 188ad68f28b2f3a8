package org.civic311.orchestrator;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same loop on MySQL, the production database, through MySQL Connector/J: Liquibase and Camunda create
 * their schemas in a fresh database made for this run.
 */
class WholeLoopOnMySqlTest extends WholeLoopTest {

    static final MySqlTestDatabase DATABASE = MySqlTestDatabase.create("civic311_loop");

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        DATABASE.use(registry);
    }

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }
}
