package org.civic311.orchestrator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same loop on MySQL, the production database, through MySQL Connector/J: Liquibase and Camunda create
 * their schemas in a fresh database made for this run. Needs the server at {@code CIVIC311_TEST_MYSQL}
 * (default 127.0.0.1:3306, user root, empty password); without it the test fails rather than skips.
 */
class WholeLoopOnMySqlTest extends WholeLoopTest {

    static final String SERVER = System.getenv().getOrDefault("CIVIC311_TEST_MYSQL", "127.0.0.1:3306");
    static final String DATABASE = "civic311_loop_" + Long.toString(System.nanoTime(), 36);

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) throws SQLException {
        execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        registry.add("spring.datasource.url", () -> "jdbc:mysql://" + SERVER + "/" + DATABASE
                + "?nullDatabaseMeansCurrent=true&sendFractionalSeconds=false");
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
