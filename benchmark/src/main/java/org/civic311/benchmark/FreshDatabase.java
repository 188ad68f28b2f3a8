package org.civic311.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A database of its own on the local MySQL-compatible server, made for one run (root, no password). */
final class FreshDatabase {

    final String server;
    final String name;

    private FreshDatabase(String server, String name) {
        this.server = server;
        this.name = name;
    }

    static FreshDatabase create(String server, String prefix) throws SQLException {
        FreshDatabase database = new FreshDatabase(server, prefix + "_" + System.currentTimeMillis() / 1000);
        try (Connection connection = database.root(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database.name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        return database;
    }

    /** As docs/operations.md tells a city to connect. */
    String url() {
        return "jdbc:mysql://" + server + "/" + name + "?nullDatabaseMeansCurrent=true&sendFractionalSeconds=false"
                + "&cachePrepStmts=true&prepStmtCacheSize=500&prepStmtCacheSqlLimit=8192&rewriteBatchedStatements=true";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "root", "");
    }

    private Connection root() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + server + "/", "root", "");
    }

    /** Bytes on disk per table (data and indexes), largest first, after the statistics were brought up to date. */
    Map<String, Long> sizes() throws SQLException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + name + "'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                statement.execute("ANALYZE TABLE `" + table + "`");
            }
            try (ResultSet rs = statement.executeQuery("SELECT table_name, data_length + index_length FROM "
                    + "information_schema.tables WHERE table_schema = '" + name + "' ORDER BY 2 DESC")) {
                while (rs.next()) {
                    sizes.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return sizes;
    }

    /**
     * Statements the server has run so far, of every session (SHOW GLOBAL STATUS): read before and after a system's
     * measured phases, while nothing else uses the server, the difference is that system's.
     */
    Statements statements() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = root(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN "
                     + "('Com_select', 'Com_insert', 'Com_update', 'Com_delete', 'Com_commit')")) {
            while (rs.next()) {
                counts.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2));
            }
        }
        return new Statements(counts.getOrDefault("com_select", 0L), counts.getOrDefault("com_insert", 0L),
                counts.getOrDefault("com_update", 0L), counts.getOrDefault("com_delete", 0L),
                counts.getOrDefault("com_commit", 0L));
    }

    /** Counts of statements by kind; {@link #minus} gives those of a stretch of time. */
    record Statements(long selects, long inserts, long updates, long deletes, long commits) {

        Statements minus(Statements before) {
            return new Statements(selects - before.selects, inserts - before.inserts, updates - before.updates,
                    deletes - before.deletes, commits - before.commits);
        }

        long writes() {
            return inserts + updates + deletes;
        }
    }

    void drop() {
        try (Connection connection = root(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            System.err.println("Could not drop database " + name + ": " + e.getMessage());
        }
    }
}
