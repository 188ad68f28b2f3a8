package org.civic311.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A connector asks which of a system's items are ours: those our tasks were dispatched as, in that system. */
class DispatchedItemsTest {

    JdbcClient db;
    DispatchedItems items;

    @BeforeEach
    void database() throws Exception {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:items-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
        db = JdbcClient.create(dataSource);
        db.sql("""
                INSERT INTO service_request (id, service_code, service_name, status, channel, requested_at, updated_at)
                VALUES (1, 'high_weeds', 'High weeds', 'open', 'web', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""").update();
        items = new DispatchedItems(db);
    }

    @Test
    void onlyItemsOfOurTasksInThatSystemAreKnown() {
        task(1, "accela", "DISPATCHED", "CIVIC311-26CAP-00000-00001");
        task(2, "accela", "COMPLETED", "CIVIC311-26CAP-00000-00002");
        task(3, "cityworks", "DISPATCHED", "CIVIC311-26CAP-00000-00003");

        assertThat(items.known("accela", List.of("CIVIC311-26CAP-00000-00001", "CIVIC311-26CAP-00000-00002",
                "CIVIC311-26CAP-00000-00003", "CIVIC311-26CAP-00000-00009")))
                .containsExactlyInAnyOrder("CIVIC311-26CAP-00000-00001", "CIVIC311-26CAP-00000-00002");
    }

    @Test
    void aLongListIsAskedInBatches() {
        task(1, "accela", "DISPATCHED", "REC-1199");
        List<String> asked = IntStream.range(0, 1200).mapToObj(i -> "REC-" + i).toList();

        assertThat(items.known("accela", asked)).containsExactly("REC-1199");
    }

    private void task(long id, String system, String status, String externalId) {
        db.sql("""
                INSERT INTO department_task (id, request_id, task_key, department, system_name, priority, status,
                    external_id, created_at)
                VALUES (:id, 1, :key, 'code-enforcement', :system, 'P3', :status, :external, CURRENT_TIMESTAMP)""")
                .param("id", id).param("key", "key" + id).param("system", system).param("status", status)
                .param("external", externalId).update();
    }
}
