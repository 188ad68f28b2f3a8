package org.civic311.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.civic311.orchestrator.MySqlTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An installation upgraded to task keys: tasks made before keep their number as their key, which is what an earlier
 * push stored in the department's system, so a retried push finds that item instead of making a second one.
 */
class TaskKeyUpgradeTest {

    static final String SIGNATURE = "0a1b2c3d4e5f60718293";

    @Test
    void tasksMadeBeforeKeysKeepTheirNumberOnH2() throws Exception {
        upgradeKeepsNumbers(new DriverManagerDataSource("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    }

    @Test
    void tasksMadeBeforeKeysKeepTheirNumberOnMySql() throws Exception {
        MySqlTestDatabase database = MySqlTestDatabase.create("civic311_keys");
        try {
            upgradeKeepsNumbers(new DriverManagerDataSource(database.url(), "root", ""));
        } finally {
            database.drop();
        }
    }

    private void upgradeKeepsNumbers(DataSource dataSource) throws Exception {
        migrate(dataSource, "before-task-keys.yaml");
        JdbcClient db = JdbcClient.create(dataSource);
        db.sql("""
                INSERT INTO service_request (id, service_code, service_name, status, channel, requested_at, updated_at)
                VALUES (1, 'pothole', 'Pothole', 'open', 'web', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""").update();
        task(db, 41, "cityworks", "PENDING", null);
        task(db, 42, "email", "DISPATCHED", "C311-42.streets." + SIGNATURE);

        migrate(dataSource, "db.changelog-master.yaml");

        assertThat(db.sql("SELECT task_key FROM department_task ORDER BY id").query(String.class).list())
                .containsExactly("41", "42");
        // The email task is known by its reference without the signature, which its key now makes as well.
        assertThat(db.sql("SELECT external_id FROM department_task WHERE id = 42").query(String.class).single())
                .isEqualTo("C311-" + "42" + ".streets");
    }

    private static void task(JdbcClient db, long id, String system, String status, String externalId) {
        db.sql("""
                INSERT INTO department_task (id, request_id, department, system_name, priority, status, external_id,
                    created_at)
                VALUES (:id, 1, 'streets', :system, 'P2', :status, :external, CURRENT_TIMESTAMP)""")
                .param("id", id).param("system", system).param("status", status).param("external", externalId)
                .update();
    }

    private static void migrate(DataSource dataSource, String changelog) throws Exception {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/changelog/" + changelog);
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
    }
}
