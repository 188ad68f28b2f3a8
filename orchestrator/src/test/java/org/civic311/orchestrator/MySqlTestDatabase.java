package org.civic311.orchestrator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh database on the MySQL-compatible server at {@code CIVIC311_TEST_MYSQL} (default 127.0.0.1:3306, user root,
 * empty password), made the way docs/operations.md says. Without the server the test fails rather than skips.
 */
public final class MySqlTestDatabase {

    static final String SERVER = System.getenv().getOrDefault("CIVIC311_TEST_MYSQL", "127.0.0.1:3306");

    private final String name;

    private MySqlTestDatabase(String name) {
        this.name = name;
    }

    public static MySqlTestDatabase create(String prefix) {
        MySqlTestDatabase database = new MySqlTestDatabase(prefix + "_" + Long.toString(System.nanoTime(), 36));
        database.execute("CREATE DATABASE " + database.name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return database;
    }

    /** The database of that name, made if missing and kept: for a harness that reuses its data across runs. */
    public static MySqlTestDatabase named(String name) {
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("A database name of letters, digits and _ is needed, not: " + name);
        }
        MySqlTestDatabase database = new MySqlTestDatabase(name);
        database.execute("CREATE DATABASE IF NOT EXISTS " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return database;
    }

    /** Points the application at this database, with the URL flags docs/operations.md requires. */
    public void use(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::url);
        registry.add("spring.datasource.username", () -> "root");
        registry.add("spring.datasource.password", () -> "");
    }

    /** The same settings, for an application started by the test itself. */
    public List<String> settings() {
        return List.of("spring.datasource.url=" + url(), "spring.datasource.username=root",
                "spring.datasource.password=");
    }

    /** The JDBC URL, with the flags docs/operations.md requires. */
    public String url() {
        // As docs/operations.md tells a city to connect.
        return "jdbc:mysql://" + SERVER + "/" + name + "?nullDatabaseMeansCurrent=true&sendFractionalSeconds=false"
                + "&cachePrepStmts=true&prepStmtCacheSize=500&prepStmtCacheSqlLimit=8192&rewriteBatchedStatements=true";
    }

    public void drop() {
        execute("DROP DATABASE IF EXISTS " + name);
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://" + SERVER + "/", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("The MySQL-compatible server at " + SERVER + " is needed: " + e.getMessage(), e);
        }
    }
}
