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
        DATABASE.use(registry);
    }

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }
}
