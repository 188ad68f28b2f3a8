package org.civic311.orchestrator.open311;

import org.civic311.orchestrator.MySqlTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link NearbyBenchmark} on MySQL/MariaDB, in a database made for the run. */
class NearbyOnMySqlBenchmark extends NearbyBenchmark {

    static final MySqlTestDatabase DATABASE = MySqlTestDatabase.create("civic311_nearby");

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        // rewriteBatchedStatements only makes the seeding quick; the reads do not depend on it.
        DATABASE.use(registry, "&rewriteBatchedStatements=true");
    }

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }
}
