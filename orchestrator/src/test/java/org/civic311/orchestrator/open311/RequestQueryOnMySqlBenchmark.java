package org.civic311.orchestrator.open311;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link RequestQueryBenchmark} on MySQL/MariaDB, in a database made for the run (see WholeLoopOnMySqlTest). */
class RequestQueryOnMySqlBenchmark extends RequestQueryBenchmark {

    static final String SERVER = System.getenv().getOrDefault("CIVIC311_TEST_MYSQL", "127.0.0.1:3306");
    static final String DATABASE = "civic311_bench_" + Long.toString(System.nanoTime(), 36);

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) throws SQLException {
        execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        // rewriteBatchedStatements only makes the seeding quick; the reads do not depend on it.
        registry.add("spring.datasource.url", () -> "jdbc:mysql://" + SERVER + "/" + DATABASE
                + "?nullDatabaseMeansCurrent=true&sendFractionalSeconds=false&rewriteBatchedStatements=true");
        registry.add("spring.datasource.username", () -> "root");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + DATABASE);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://" + SERVER + "/", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
